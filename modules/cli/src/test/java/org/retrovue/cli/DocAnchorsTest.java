package org.retrovue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every link to a heading ({@code docs/cli.md#the-resident-process}, {@code [..](#exit-codes)}) leads somewhere:
 * those in the help of every command, and those written anywhere in the repository (docs, READMEs, code), against
 * the anchors GitHub makes of the target's headings.
 */
class DocAnchorsTest {
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Pattern FILE_ANCHOR = Pattern.compile("(?<![\\w/.-])((?:\\.{0,2}[\\w-]*/)*[\\w.-]+\\.md)#([^\\s)`'\"\\]>}.,;]+)");
    private static final Pattern LOCAL_ANCHOR = Pattern.compile("\\]\\(#([^)\\s]+)\\)");

    @TempDir
    Path temp;

    @Test
    void githubMakesAnchorsOfHeadingsLikeThis() {
        assertEquals(List.of("retrovue-shell-and-retrovue-alone-on-a-terminal", "exit-codes", "exit-codes-1", "a_b-c----d", "émigré-12"),
                anchors("""
                        # `retrovue shell` (and `retrovue` alone, on a terminal)
                        ## Exit codes
                        ```
                        # not a heading
                        ```
                        ### Exit codes
                        ## A_b c -- d!
                        ## Émigré 1.2
                        """));
    }

    @Test
    void everyAnchorInTheHelpOfEveryCommandExists() {
        StringWriter out = new StringWriter();
        CliEnvironment environment = new CliEnvironment(Map.of("RETROVUE_DATA_DIR", temp.toString()), new PrintWriter(out), new PrintWriter(out), null,
                Clock.systemUTC());
        List<String> broken = new ArrayList<>();
        int links = 0;
        try (CliContext context = new CliContext(environment)) {
            ArrayDeque<CommandLine> todo = new ArrayDeque<>(List.of(new Cli(context).commandLine()));
            while (!todo.isEmpty()) {
                CommandLine command = todo.pop();
                StringWriter usage = new StringWriter();
                command.usage(new PrintWriter(usage));
                links += check(ROOT, command.getCommandSpec().qualifiedName(), usage.toString(), broken);
                todo.addAll(command.getSubcommands().values());
            }
        }
        assertTrue(links > 0, "the help links into the docs somewhere");
        assertEquals(List.of(), broken);
    }

    @Test
    void everyAnchorWrittenInTheRepositoryExists() throws IOException {
        List<String> broken = new ArrayList<>();
        int links = 0;
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(DocAnchorsTest::isText).toList()) {
                String text = Files.readString(file);
                links += check(file.getParent(), ROOT.relativize(file).toString(), text, broken);
                if (file.toString().endsWith(".md")) {
                    Set<String> own = new LinkedHashSet<>(anchors(text));
                    Matcher local = LOCAL_ANCHOR.matcher(text);
                    while (local.find()) {
                        links++;
                        if (!own.contains(local.group(1))) {
                            broken.add(ROOT.relativize(file) + ": #" + local.group(1));
                        }
                    }
                }
            }
        }
        assertTrue(links > 1, "links were found");
        assertEquals(List.of(), broken);
    }

    private static boolean isText(Path file) {
        Path relative = ROOT.relativize(file);
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("target") || name.startsWith(".")) {
                return false;
            }
        }
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".md") || name.endsWith(".java") || name.endsWith(".sh"));
    }

    /** Checks each link to a Markdown file's heading in {@code text}, the file relative to {@code base} or to the repository root; returns how many. */
    private static int check(Path base, String where, String text, List<String> broken) {
        int count = 0;
        Matcher link = FILE_ANCHOR.matcher(text);
        while (link.find()) {
            count++;
            Path target = base.resolve(link.group(1)).normalize();
            if (!Files.isRegularFile(target)) {
                target = ROOT.resolve(link.group(1)).normalize();
            }
            if (!Files.isRegularFile(target)) {
                broken.add(where + ": " + link.group() + " (no such file)");
            } else if (!anchorsOf(target).contains(link.group(2))) {
                broken.add(where + ": " + link.group() + " (no such heading)");
            }
        }
        return count;
    }

    private static final Map<Path, Set<String>> ANCHORS = new HashMap<>();

    private static Set<String> anchorsOf(Path file) {
        return ANCHORS.computeIfAbsent(file, f -> {
            try {
                return new TreeSet<>(anchors(Files.readString(f)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /**
     * GitHub's anchors for the headings of a Markdown text: lower case, characters other than letters, digits,
     * '-', '_' and spaces dropped, spaces made '-'; a repeated anchor gets -1, -2, ...
     */
    static List<String> anchors(String markdown) {
        List<String> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            Matcher heading = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$").matcher(line);
            if (fenced || !heading.matches()) {
                continue;
            }
            String text = heading.group(1).replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1"); // a link's text only
            String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "").replace(' ', '-');
            int n = seen.merge(slug, 1, Integer::sum);
            out.add(n == 1 ? slug : slug + "-" + (n - 1));
        }
        return out;
    }
}
