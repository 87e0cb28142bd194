package org.retrovue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bash completion script of {@code retrovue completion}, run by bash as readline runs it on Tab (COMP_LINE and
 * COMP_POINT set, the function called, COMPREPLY read), with a stand-in {@code retrovue} that answers {@code
 * completion --names}; and {@code completion --names} itself, against the catalogue.
 */
class CompletionScriptIT {
    @TempDir
    Path temp;
    private CliHarness cli;
    private Path script;
    private Path program;
    private Path files;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliHarness(temp.resolve("data"));
        CliHarness.Result printed = cli.run("completion");
        assertEquals(0, printed.code(), printed::toString);
        script = Files.writeString(temp.resolve("retrovue.bash"), printed.out());
        program = temp.resolve("bin/retrovue");
        Files.createDirectories(program.getParent());
        Files.writeString(program, """
                #!/usr/bin/env bash
                [ "$1 $2" = "completion --names" ] && [ -z "$RETROVUE_STUB_DOWN" ] || { echo "error: the database does not answer" >&2; exit 6; }
                case $3 in
                  sources) printf '%s\\n' 'My Movies' Shows "Bob's \\"Best\\" \\$Films" 'Plex: Kids' ;;
                  collections) printf '%s\\n' movies shows ;;
                  qualified-collections) printf '%s\\n' 'My Movies/movies' 'Shows/shows' ;;
                esac
                """);
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
        files = Files.createDirectories(temp.resolve("media"));
        Files.createDirectories(files.resolve("movies"));
        Files.createFile(files.resolve("notes.txt"));
    }

    /** What Tab offers at the end of {@code line}, which starts after the program ({@code retrovue }); sorted. */
    private List<String> tab(String line, String... env) throws Exception {
        String typed = program + " " + line;
        ProcessBuilder bash = new ProcessBuilder("bash", "--norc", "--noprofile", "-c",
                "source \"$1\"; COMP_LINE=$2; COMP_POINT=${#COMP_LINE}; _retrovue retrovue; for r in \"${COMPREPLY[@]}\"; do printf '%s\\n' \"$r\"; done",
                "bash", script.toString(), typed);
        bash.environment().put("LC_ALL", "C.UTF-8");
        for (int i = 0; i + 1 < env.length; i += 2) {
            bash.environment().put(env[i], env[i + 1]);
        }
        Process process = bash.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals("", err, "nothing on the terminal but the completion, for `" + line + "`");
        assertEquals(0, process.exitValue(), line);
        return out.lines().sorted().toList();
    }

    @Test
    void commandsOptionsAndTheirValues() throws Exception {
        assertEquals(List.of("completion", "db", "enricher", "help", "shell", "source"), tab(""));
        assertEquals(List.of("show"), tab("source sh"));
        assertEquals(List.of("--type"), tab("source list --ty"));
        assertEquals(List.of("--base-path", "--base-url"), tab("source add --base-"), "a plugin's options too");
        assertEquals(List.of("emby", "filesystem", "jellyfin", "plex"), tab("source add --type "));
        assertEquals(List.of("filesystem"), tab("source list --type=f"), "after '=', only what follows it is replaced");
        assertEquals(List.of(), tab("source add --name "), "free text");
        assertEquals(List.of("add", "list", "remove"), tab("help source mapping "), "help completes the command path");
        assertEquals(List.of(), tab("completion --na"), "the script's own option is hidden");
    }

    @Test
    void sourceAndCollectionNamesComeBackQuotedToFitWhatWasTyped() throws Exception {
        assertEquals(List.of("Bob\\'s\\ \\\"Best\\\"\\ \\$Films", "My\\ Movies", "Plex:\\ Kids", "Shows"), tab("source show "));
        assertEquals(List.of("My\\ Movies"), tab("source show my"), "any case");
        assertEquals(List.of("My\\ Movies"), tab("source show My\\ M"));
        assertEquals(List.of("My Movies"), tab("source show \"My"), "in the quote the operator opened (readline closes it)");
        assertEquals(List.of("Bob'\\''s \"Best\" $Films"), tab("source show 'Bob"));
        assertEquals(List.of("Bob's \\\"Best\\\" \\$Films"), tab("source show \"Bob"));
        assertEquals(List.of("\\ Kids"), tab("source show Plex:"), "readline keeps what precedes the ':'");
        assertEquals(List.of("Shows"), tab("source delete --force S"), "after an option");
        assertEquals(List.of("movies", "shows"), tab("source enable "));
        assertEquals(List.of("My\\ Movies/movies"), tab("source enable My\\ Movies/"), "after a '/', as SOURCE/COLLECTION");
        assertEquals(List.of("movies", "shows"), tab("source ingest Shows "), "the second parameter of ingest");
    }

    @Test
    void filesWherePathsGo() throws Exception {
        assertEquals(List.of(files + "/movies", files + "/notes.txt"), tab("source add --base-path " + files + "/"));
        assertEquals(List.of(files + "/movies", files + "/notes.txt"), tab("source mapping add movies /remote " + files + "/"));
        assertEquals(List.of(files + "/movies"), tab("source add --base-path=" + files + "/m"));
    }

    @Test
    void aDatabaseThatDoesNotAnswerOffersNothingAndSaysNothing() throws Exception {
        assertEquals(List.of(), tab("source show ", "RETROVUE_STUB_DOWN", "1"));
    }

    @Test
    void theNamesComeFromTheCatalogueOneALine() throws IOException {
        Path movies = Files.createDirectories(temp.resolve("media/My Movies"));
        Path other = Files.createDirectories(temp.resolve("other/My Movies"));
        cli.ok("source", "add", "--type", "filesystem", "--name", "Films & Co", "--base-path", movies.toString(), "--json");
        cli.ok("source", "add", "--type", "filesystem", "--name", "Other", "--base-path", other.toString(), "--json");
        assertEquals(List.of("Films & Co", "Other"), names("sources"));
        assertEquals(List.of("Films & Co/My Movies", "Other/My Movies"), names("collections"), "a name held twice, with its source");
        assertEquals(List.of("Films & Co/My Movies", "Other/My Movies"), names("qualified-collections"));
        CliHarness.Result wrong = cli.run("completion", "--names", "everything");
        assertEquals(2, wrong.code(), wrong::toString);
        assertEquals("error: --names takes sources, collections or qualified-collections\n", wrong.err());
    }

    private List<String> names(String what) {
        CliHarness.Result result = cli.run("completion", "--names", what);
        assertEquals(0, result.code(), result::toString);
        assertEquals("", result.err());
        return result.out().lines().sorted().toList();
    }
}
