package org.retrovue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What docs/cli.md shows besides JSON shapes ({@link JsonShapesIT} has those), compared with the program: the exit
 * codes, the environment variables, the version line, the header row of every table in an example, and the keys and
 * schema version of {@code db status}. An example that drifts from the program fails here.
 */
class DocExamplesIT {
    private static final Path DOCS = Path.of("../../docs/cli.md");
    private static final Pattern EXAMPLE = Pattern.compile("^(?:\\$ retrovue|retrovue>) (.+)$");
    private static final Pattern VARIABLE = Pattern.compile("RETROVUE_[A-Z_]*[A-Z]");

    @TempDir
    Path temp;

    @Test
    void theExitCodeTableAndTheHelpListEveryCodeTheProgramReturns() throws Exception {
        Set<Integer> documented = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| (\\d+) \\|").matcher(section("## Exit codes"));
        while (row.find()) {
            documented.add(Integer.parseInt(row.group(1)));
        }
        Set<Integer> program = new TreeSet<>();
        for (Field field : ExitCodes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
                program.add(field.getInt(null));
            }
        }
        assertEquals(program, documented, "docs/cli.md's exit code table against ExitCodes");
        String footer = helpLine("Exit codes:");
        Set<Integer> inHelp = new TreeSet<>();
        Matcher code = Pattern.compile("(\\d+) [a-z]").matcher(footer);
        while (code.find()) {
            inHelp.add(Integer.parseInt(code.group(1)));
        }
        assertEquals(program, inHelp, "retrovue --help's exit codes: " + footer);
    }

    @Test
    void theEnvironmentTableTheHelpAndTheCodeNameTheSameVariables() throws IOException {
        Set<String> documented = variables(section("## Environment"));
        Set<String> inHelp = variables(helpLine("Environment:"));
        Set<String> read = new TreeSet<>();
        for (String tree : List.of("../../modules", "../../plugins", "../../launcher/src/main", "../../jlink/src/launcher")) {
            try (Stream<Path> files = Files.walk(Path.of(tree))) {
                for (Path file : files.filter(f -> f.toString().matches(".*/src/main/.*\\.java|.*/launcher/.*\\.sh")).toList()) {
                    read.addAll(variables(Files.readString(file)));
                }
            }
        }
        assertFalse(read.isEmpty(), "the program reads RETROVUE_ variables");
        assertEquals(read, documented, "the variables the program reads against docs/cli.md's Environment table");
        assertEquals(read, inHelp, "the variables the program reads against retrovue --help");
    }

    @Test
    void theVersionExampleNamesThisBuildsSpiVersion() throws IOException {
        List<String> lines = Files.readAllLines(DOCS);
        int at = lines.indexOf("$ retrovue --version");
        assertTrue(at >= 0, "docs/cli.md shows `retrovue --version`");
        CliHarness.Result version = new CliHarness(temp.resolve("data")).run("--version");
        String[] printed = version.out().split("\n");
        assertEquals(printed[0].replaceAll("^retrovue \\S+", "retrovue V"), lines.get(at + 1).replaceAll("^retrovue \\S+", "retrovue V"));
        assertEquals(printed[1].substring(0, printed[1].indexOf(',')), lines.get(at + 2).substring(0, lines.get(at + 2).indexOf(',')));
    }

    @Test
    void everyTableInAnExampleHasTheHeaderRowTheCommandPrints() throws IOException {
        CliHarness cli = new CliHarness(temp.resolve("data"));
        Path movies = Files.createDirectories(temp.resolve("media/movies"));
        Files.writeString(movies.resolve("Alien (1979).mkv"), "video");
        assertEquals(0, cli.run("source", "add", "--type", "filesystem", "--name", "Media Library", "--base-path", movies.toString()).code());
        assertEquals(0, cli.run("source", "enable", "Media Library/movies").code());
        assertEquals(0, cli.run("source", "mapping", "add", "Media Library/movies", "/data/movies", movies.toString()).code());
        List<String> lines = Files.readAllLines(DOCS);
        int checked = 0;
        for (int i = 0; i + 1 < lines.size(); i++) {
            Matcher example = EXAMPLE.matcher(lines.get(i));
            if (!example.matches()) {
                continue;
            }
            List<String> args = words(example.group(1));
            String next = lines.get(i + 1);
            boolean outputShown = !next.startsWith("$") && !next.startsWith("retrovue>") && !next.startsWith("```");
            if (!outputShown || !readsOnly(args)) {
                continue;
            }
            CliHarness.Result result = cli.run(args.toArray(String[]::new));
            String first = result.out().lines().findFirst().orElse("");
            if (result.code() != 0 || !isHeader(first)) {
                continue;
            }
            assertEquals(columns(first), columns(next), "the header row under `" + lines.get(i) + "` in docs/cli.md");
            checked++;
        }
        assertTrue(checked >= 5, "tables checked: " + checked);
    }

    @Test
    void theDbStatusExampleShowsTheKeysAndSchemaVersionTheProgramPrints() throws IOException {
        CliHarness cli = new CliHarness(temp.resolve("data"));
        assertEquals(0, cli.run("source", "list").code()); // migrates the catalogue
        Map<String, String> printed = keyValues(cli.run("db", "status").out().lines().toList());
        List<String> lines = Files.readAllLines(DOCS);
        int at = lines.indexOf("$ retrovue db status");
        List<String> block = new ArrayList<>();
        for (int i = at + 1; i < lines.size() && !lines.get(i).startsWith("$") && !lines.get(i).startsWith("```"); i++) {
            block.add(lines.get(i));
        }
        Map<String, String> documented = keyValues(block);
        assertEquals(List.copyOf(printed.keySet()), List.copyOf(documented.keySet()));
        assertEquals(printed.get("schema_version_supported"), documented.get("schema_version_supported"));
        assertEquals(printed.get("schema_version"), documented.get("schema_version"));
    }

    private static String section(String heading) throws IOException {
        String doc = Files.readString(DOCS);
        int start = doc.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, heading + " is in docs/cli.md");
        int end = doc.indexOf("\n## ", start + heading.length() + 2);
        return doc.substring(start, end < 0 ? doc.length() : end);
    }

    private String helpLine(String prefix) {
        String help = new CliHarness(temp.resolve("help")).run("--help").out().replace("\n", " ").replaceAll(" +", " ");
        int start = help.indexOf(prefix);
        assertTrue(start >= 0, "retrovue --help has " + prefix);
        int end = help.indexOf('.', help.indexOf(' ', start + prefix.length() + 1));
        return help.substring(start, end);
    }

    private static Set<String> variables(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            if (!m.group().startsWith("RETROVUE_TEST_")) {
                names.add(m.group());
            }
        }
        return names;
    }

    /** Commands whose example may run against the fixture: they change nothing an operator would miss. */
    private static boolean readsOnly(List<String> args) {
        String command = String.join(" ", args.subList(0, Math.min(args.size(), args.get(0).equals("source") && args.size() > 1
                && args.get(1).equals("mapping") ? 3 : 2)));
        return Set.of("source list", "source list-types", "source collections", "source status", "source assets", "source mapping list", "source ingest",
                "enricher list-types")
                .contains(command);
    }

    private static boolean isHeader(String line) {
        return !line.isBlank() && line.equals(line.toUpperCase(java.util.Locale.ROOT)) && line.matches("[A-Z][A-Z ]+");
    }

    private static List<String> columns(String header) {
        return List.of(header.strip().split(" {2,}"));
    }

    private static Map<String, String> keyValues(List<String> lines) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                map.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }
        return map;
    }

    /** A command line as a Unix shell splits it (quotes; a word starting with # ends it). */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (c == ' ') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (c == '#' && word == null) {
                break;
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
