package org.retrovue.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retrovue.cli.CatalogNames;
import org.retrovue.cli.Cli;
import org.retrovue.cli.CliContext;
import org.retrovue.cli.CliEnvironment;

/** The candidates Tab offers, from the command tree, the plugin registry and the catalogue. */
class ShellCompleterIT {
    @TempDir
    Path temp;
    private CliContext context;
    private Cli cli;
    private CatalogNames names;
    private ShellCompleter completer;

    @BeforeEach
    void setUp() throws Exception {
        ShellHarness harness = new ShellHarness(temp.resolve("data"));
        context = new CliContext(new CliEnvironment(harness.env(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), null, Clock.systemUTC()));
        cli = new Cli(context);
        names = new CatalogNames(context);
        completer = new ShellCompleter(cli.commandLine(), names);
        Files.createDirectories(temp.resolve("media/movies"));
        Files.createDirectories(temp.resolve("media/shows"));
        Files.createFile(temp.resolve("media/notes.txt"));
        run("source", "add", "--type", "filesystem", "--name", "My Movies", "--base-path", temp.resolve("media/movies").toString());
        run("source", "add", "--type", "filesystem", "--name", "Shows", "--base-path", temp.resolve("media/shows").toString());
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    private void run(String... args) {
        assertEquals(0, cli.execute(args), () -> String.join(" ", args));
        names.forget();
    }

    /** The values offered after {@code before} while {@code current} is typed. */
    private List<String> offered(String current, String... before) {
        return completer.candidates(Arrays.asList(before), current).stream().map(Candidate::value).sorted().toList();
    }

    @Test
    void commandsAndSubcommandsWithTheShellsOwnWords() {
        List<String> top = offered("");
        assertTrue(top.containsAll(List.of("source", "db", "help", "completion", "exit", "quit", "timing")), top.toString());
        assertFalse(top.contains("shell"), "not offered in the shell itself: " + top);
        assertTrue(offered("", "help").contains("shell"), "but its help is");
        List<String> source = offered("", "source");
        assertTrue(source.containsAll(List.of("list", "list-types", "add", "show", "enable", "disable", "delete", "mapping")), source.toString());
        assertEquals(List.of("add", "list", "remove"), offered("", "source", "mapping"));
        assertEquals(List.of("add", "assets", "collections", "delete", "disable", "discover", "enable", "enrich", "enrichers", "ingest", "list", "list-types", "mapping",
                "show", "status", "update"), offered("", "help", "source"), "help completes the command path");
    }

    @Test
    void optionsOfTheCommandIncludingThoseThePluginsDeclare() {
        List<String> add = offered("--", "source", "add");
        assertTrue(add.containsAll(List.of("--type", "--name", "--base-path", "--base-url", "--token", "--json", "--enrichers")), add.toString());
        assertTrue(offered("--", "source", "list").containsAll(List.of("--type", "--json")));
    }

    @Test
    void typeValuesComeFromThePluginRegistry() {
        assertEquals(List.of("filesystem", "plex"), offered("", "source", "add", "--type"));
        assertEquals(List.of("--type=filesystem", "--type=plex"), offered("--type=", "source", "list"));
    }

    @Test
    void sourceAndCollectionNamesComeFromTheCatalogueAndFollowChanges() {
        assertEquals(List.of("My Movies", "Shows"), offered("", "source", "show"));
        assertEquals(List.of("My Movies", "Shows"), offered("", "source", "delete", "--force"), "after an option too");
        assertEquals(List.of("movies", "shows"), offered("", "source", "enable"));
        assertEquals(List.of("My Movies/movies", "Shows/shows"), offered("My Movies/", "source", "enable"), "after a '/', as SOURCE/COLLECTION");
        run("source", "update", "Shows", "--name", "Old Shows");
        assertEquals(List.of("My Movies", "Old Shows"), offered("", "source", "show"), "a renamed source completes under its new name");
    }

    @Test
    void aCollectionNameHeldByTwoSourcesIsOfferedWithItsSource() throws Exception {
        Files.createDirectories(temp.resolve("other/movies"));
        run("source", "add", "--type", "filesystem", "--name", "Other", "--base-path", temp.resolve("other/movies").toString());
        assertEquals(List.of("My Movies/movies", "Other/movies", "shows"), offered("", "source", "disable"));
    }

    @Test
    void pathsForOptionsThatTakeOne() {
        String media = temp.resolve("media").toString();
        assertEquals(List.of(media + "/movies/", media + "/notes.txt", media + "/shows/"), offered(media + "/", "source", "add", "--base-path"));
    }

    /** Whether each candidate offered is whole (JLine then adds a space after it), by value. */
    private java.util.Map<String, Boolean> whole(String current, String... before) {
        java.util.Map<String, Boolean> out = new java.util.TreeMap<>();
        completer.candidates(Arrays.asList(before), current).forEach(c -> out.put(c.value(), c.complete()));
        return out;
    }

    @Test
    void everyWholeWordIsFollowedByASpaceOnlyADirectoryStaysOpen() {
        java.util.Map<String, Boolean> options = whole("--ty", "source", "list");
        assertEquals(true, options.get("--type"), "an option that takes a value is a whole word too: " + options);
        assertEquals(true, options.get("--json"), options.toString());
        assertTrue(whole("--", "source", "add").values().stream().allMatch(b -> b), "every option of add");
        assertTrue(whole("").values().stream().allMatch(b -> b), "commands and the shell's own words");
        assertTrue(whole("", "source").values().stream().allMatch(b -> b), "subcommands");
        assertTrue(whole("", "help", "source").values().stream().allMatch(b -> b), "help's command path");
        assertEquals(java.util.Map.of("filesystem", true, "plex", true), whole("", "source", "add", "--type"), "values");
        assertEquals(java.util.Map.of("My Movies", true, "Shows", true), whole("", "source", "show"), "source names");
        assertEquals(java.util.Map.of("movies", true, "shows", true), whole("", "source", "enable"), "collection names");
        String media = temp.resolve("media").toString();
        assertEquals(java.util.Map.of(media + "/movies/", false, media + "/notes.txt", true, media + "/shows/", false),
                whole(media + "/", "source", "add", "--base-path"), "a directory stays open for the file in it");
    }

    @Test
    void namesWithSpacesAreInsertedQuoted() {
        ShellParser parser = new ShellParser();
        CompletingParsedLine line = parser.parse("source show My", 14, ParseContext.COMPLETE);
        assertEquals(List.of("source", "show", "My"), line.words());
        assertEquals("\"My Movies\"", line.escape("My Movies", true).toString());
        assertEquals("Shows", line.escape("Shows", true).toString());
        assertEquals("/media/My\\ Movies/", line.escape("/media/My Movies/", false).toString(),
                "a directory still being typed is escaped, so the line stays whole");
        CompletingParsedLine quoted = parser.parse("source show 'My", 15, ParseContext.COMPLETE);
        assertEquals("My", quoted.word(), "the word without its quote, to match candidates against");
        assertEquals(3, quoted.rawWordCursor(), "the quote is replaced along with the word");
        assertEquals("'My Movies'", quoted.escape("My Movies", true).toString(), "in the quote the operator opened");
        CompletingParsedLine next = parser.parse("source show ", 12, ParseContext.COMPLETE);
        assertEquals("", next.word());
        assertEquals(2, next.wordIndex());
    }
}
