package org.retrovue.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.retrovue.image.ImageProcess.Run;

/**
 * Runs the built runtime image ({@code bin/retrovue}) as an operator would, against a fresh embedded database
 * that it starts itself, and stops that database at the end. A server that kept our output pipes open would make
 * every call here hang, so each call has a deadline.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImageSmokeIT {
    private static Path image;
    private static Path work;
    private static Path dataDir;

    @BeforeAll
    static void prepare() throws IOException {
        image = Path.of(System.getProperty("retrovue.image", "target/retrovue")).toAbsolutePath();
        assertTrue(Files.isExecutable(image.resolve("bin/retrovue")), "the image is built before this test: " + image);
        work = Files.createDirectories(Path.of(System.getProperty("retrovue.test.workdir", "target/smoke-work")).toAbsolutePath()
                .resolve(UUID.randomUUID().toString()));
        dataDir = work.resolve("data");
        Files.createDirectories(work.resolve("media/movies"));
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        Run stop = retrovue(List.of(), "db", "stop");
        assertEquals(0, stop.code(), stop::toString);
        Run status = retrovue(List.of(), "db", "status", "--json");
        assertFalse(status.json().get("up").asBoolean(), status::toString);
    }

    static Run retrovue(List<String> prefix, String... args) throws IOException, InterruptedException {
        return retrovueWithInput(prefix, "", args);
    }

    /** Runs the image's {@code bin/retrovue} with {@code input} piped to its standard input. */
    /** Runs the image's {@code bin/retrovue} with {@code input} piped to its standard input. */
    static Run retrovueWithInput(List<String> prefix, String input, String... args) throws IOException, InterruptedException {
        return ImageProcess.run(image, dataDir, Map.of(), prefix, input, args);
    }

    private static void assertOneErrorLine(Run run, int code, String part) {
        assertEquals(code, run.code(), run::toString);
        assertEquals("", run.out(), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
        assertTrue(run.err().startsWith("error: ") && run.err().contains(part), run::toString);
    }

    @Test
    @Order(1)
    void printsItsVersion() throws Exception {
        Run run = retrovue(List.of(), "--version");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().startsWith("retrovue "), run::toString);
        assertEquals("", run.err());
    }

    @Test
    @Order(2)
    void twoCommandsStartedAtOnceOnAFreshDataDirectoryShareOneServer() throws Exception {
        CompletableFuture<Run> first = CompletableFuture.supplyAsync(() -> unchecked("source", "list", "--json"));
        CompletableFuture<Run> second = CompletableFuture.supplyAsync(() -> unchecked("source", "collections", "--json"));
        for (Run run : List.of(first.get(180, TimeUnit.SECONDS), second.get(180, TimeUnit.SECONDS))) {
            assertEquals(0, run.code(), run::toString);
            assertEquals("[ ]", run.out().strip(), run::toString);
        }
        long servers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(dataDir.resolve("postgres/data").toString()) && c.contains("bin/postgres")).orElse(false))
                .filter(p -> p.parent().map(parent -> !parent.info().command().orElse("").endsWith("postgres")).orElse(true))
                .count();
        assertEquals(1, servers, "one postmaster for the data directory");
    }

    private static Run unchecked(String... args) {
        try {
            return retrovue(List.of(), args);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(3)
    void addsListsAndDeletesAFilesystemSourceOnAFreshEmbeddedDatabase() throws Exception {
        Run added = retrovue(List.of(), "source", "add", "--type", "filesystem", "--name", "Smoke Movies",
                "--base-path", work.resolve("media/movies").toString(), "--json");
        assertEquals(0, added.code(), added::toString);
        assertEquals("", added.err(), added::toString);
        assertTrue(added.json().get("external_id").asText().matches("filesystem-[0-9a-f]{12}"), added::toString);

        Run list = retrovue(List.of(), "source", "list", "--json");
        assertEquals(0, list.code(), list::toString);
        assertEquals(1, list.json().size(), list::toString);
        assertEquals("Smoke Movies", list.json().get(0).get("name").asText());

        Run status = retrovue(List.of(), "db", "status", "--json");
        assertEquals("embedded", status.json().get("mode").asText(), status::toString);
        assertTrue(status.json().get("up").asBoolean(), status::toString);
        assertEquals(9, status.json().get("schema_version").asInt(), "migrated from inside the image: " + status);
        assertEquals(status.json().get("schema_version_supported").asInt(), status.json().get("schema_version").asInt(), status::toString);

        assertOneErrorLine(retrovue(List.of(), "source", "delete", "Smoke Movies"), 5, "pass --force");
        Run deleted = retrovue(List.of(), "source", "delete", "Smoke Movies", "--force");
        assertEquals(0, deleted.code(), deleted::toString);
        assertEquals("[ ]", retrovue(List.of(), "source", "list", "--json").out().strip());
    }

    @Test
    @Order(4)
    void badInputIsOneLineWithItsExitCode() throws Exception {
        assertOneErrorLine(retrovue(List.of(), "source", "add", "--type", "kodi", "--name", "J"), 2, "unknown source type 'kodi'");
        assertOneErrorLine(retrovue(List.of(), "source", "add", "--type", "filesystem", "--name", "X", "--base-path", work.resolve("nope").toString()),
                2, "does not exist");
        assertOneErrorLine(retrovue(List.of(), "source", "show", "nobody"), 3, "no source matches 'nobody'");
    }

    @Test
    @Order(4)
    void theShellRunsPipedCommandsInOneProcessAndExitsWithTheFirstFailure() throws Exception {
        Run run = retrovueWithInput(List.of(), """
                source add --type filesystem --name "Shell Movies" --base-path '%s'
                source show 'shell movies' --json
                source show nobody
                source delete "Shell Movies" --force
                source list
                """.formatted(work.resolve("media/movies")), "shell");
        assertEquals(3, run.code(), run::toString);
        assertEquals("error: no source matches 'nobody'; see `retrovue source list`\n", run.err(), run::toString);
        assertTrue(run.out().contains("\"name\" : \"Shell Movies\"") && run.out().strip().endsWith("No sources. Add one with `retrovue source add --type TYPE --name NAME ...`."),
                run::toString);
        assertFalse(run.out().contains("retrovue>") || run.out().contains("\u001b"), "no prompt or escape codes when piped: " + run);
        assertOneErrorLine(retrovue(List.of(), "shell", "extra"), 2, "takes no arguments");
    }

    @Test
    @Order(4)
    void bashCompletesCommandsAndNamesWithTheImagesScript() throws Exception {
        Path movies = Files.createDirectories(work.resolve("media/tab movies"));
        assertEquals(0, retrovue(List.of(), "source", "add", "--type", "filesystem", "--name", "Tab Movies", "--base-path", movies.toString()).code());
        try {
            assertEquals("show\n", tab("source sh").out());
            assertEquals("Tab\\ Movies\n", tab("source show tab").out(), "asked of the image's retrovue, quoted for bash");
            assertEquals("Tab Movies\n", tab("source show 'Tab").out(), "in the quote the operator opened");
            assertEquals("tab\\ movies\n", tab("source enable Tab").out(), "collection names");
        } finally {
            assertEquals(0, retrovue(List.of(), "source", "delete", "Tab Movies", "--force").code());
        }
    }

    /** Runs the completion function of the image's script as bash does on Tab at the end of `retrovue LINE`; prints COMPREPLY. */
    private static Run tab(String line) throws IOException, InterruptedException {
        Run run = retrovue(List.of("bash", "--norc", "--noprofile", "-c", """
                source <("$1" completion) && COMP_LINE="$1 $2" && COMP_POINT=${#COMP_LINE} && _retrovue retrovue \
                  && for r in "${COMPREPLY[@]}"; do printf '%s\n' "$r"; done""", "bash"), line);
        assertEquals(0, run.code(), run::toString);
        assertEquals("", run.err(), run::toString);
        return run;
    }

    @Test
    @Order(5)
    void anUnreadableDirectoryIsRefusedForAUserWhoCannotReadIt() throws Exception {
        Path locked = Files.createDirectories(work.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        List<String> asNobody = List.of();
        if ("root".equals(System.getProperty("user.name"))) {
            // root reads everything: ask as an unprivileged user, if that user can run the image here at all
            asNobody = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--");
            Run probe = retrovue(asNobody, "--version");
            assumeTrue(probe.code() == 0, "the image is not reachable by user nobody here: " + probe);
            Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        } else {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        }
        assertOneErrorLine(retrovue(asNobody, "source", "add", "--type", "filesystem", "--name", "Locked", "--base-path", locked.toString()),
                2, "is not readable");
    }

    @Test
    @Order(6)
    void theShellOnARealTerminalCompletesRunsAndLeaves() throws Exception {
        Path script = Path.of("/usr/bin/script");
        assumeTrue(Files.isExecutable(script), "util-linux script gives the shell a pseudo-terminal");
        Files.createDirectories(work.resolve("media/pty movies"));
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "-q", "-e", "-c",
                "stty cols 120 rows 40; exec '" + image.resolve("bin/retrovue") + "'", "/dev/null");
        builder.environment().remove("RETROVUE_DATABASE_URL");
        builder.environment().put("RETROVUE_DATA_DIR", dataDir.toString());
        builder.environment().put("TERM", "xterm");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        StringBuffer screen = new StringBuffer();
        Thread reader = readInto(process, screen);
        try (var keys = process.getOutputStream()) {
            awaitOnScreen(screen, "retrovue> ", 1);
            keys.write(("source add --type filesystem --name \"Pty Movies\" --base-path '" + work.resolve("media/pty movies") + "'\r").getBytes(StandardCharsets.UTF_8));
            keys.flush();
            awaitOnScreen(screen, "retrovue> ", 2);
            keys.write("source show Pty\t--json\r".getBytes(StandardCharsets.UTF_8)); // Tab completes "Pty Movies", quoted
            keys.flush();
            awaitOnScreen(screen, "\"external_id\"", 1);
            awaitOnScreen(screen, "retrovue> ", 3);
            keys.write("source delete \"Pty Movies\"\r".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            awaitOnScreen(screen, "[y/N]", 1); // asks on the terminal
            keys.write("y\r".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            awaitOnScreen(screen, "retrovue> ", 4);
            keys.write("exit\r".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the shell left on exit: " + screen);
        } finally {
            process.destroyForcibly();
        }
        reader.join(10_000);
        assertEquals(0, process.exitValue(), screen::toString);
        String text = screen.toString();
        assertTrue(text.contains("\"name\" : \"Pty Movies\""), text);
        assertTrue(text.contains("[y/N]"), "delete asked for confirmation: " + text);
        assertEquals("[ ]", retrovue(List.of(), "source", "list", "--json").out().strip(), "the confirmed delete happened");
    }

    @Test
    @Order(7)
    void aShellSessionOutlivesTheEmbeddedServerBeingStoppedUnderIt() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(image.resolve("bin/retrovue").toString(), "shell");
        builder.environment().remove("RETROVUE_DATABASE_URL");
        builder.environment().put("RETROVUE_DATA_DIR", dataDir.toString());
        builder.redirectErrorStream(true);
        Process process = builder.start();
        StringBuffer output = new StringBuffer();
        Thread reader = readInto(process, output);
        try (var commands = process.getOutputStream()) {
            commands.write("source list --json\n".getBytes(StandardCharsets.UTF_8));
            commands.flush();
            awaitOnScreen(output, "[ ]", 1);
            assertEquals(0, retrovue(List.of(), "db", "stop").code(), "stopped from another terminal");
            commands.write("source list --json\n".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), output::toString);
        reader.join(10_000);
        assertEquals(0, process.exitValue(), "the second command found the server again: " + output);
        assertEquals(2, output.toString().lines().filter(line -> line.equals("[ ]")).count(), output::toString);
    }

    /**
     * The kill comes at a moment made certain, not raced for: a trigger the test puts on the assets table lets the
     * first batch's COPY commit and holds every later one on an advisory lock the test keeps; once PostgreSQL shows
     * the second batch waiting for it, the first is committed and the ingest cannot end, and the JVM is killed.
     */
    @Test
    @Order(9)
    void aTabStartsNoDatabase() throws Exception {
        assertEquals(0, retrovue(List.of(), "source", "add", "--type", "filesystem", "--name", "Late", "--base-path",
                Files.createDirectories(work.resolve("media/late")).toString()).code());
        assertEquals("Late\n", tab("source show L").out());
        assertEquals(0, retrovue(List.of(), "db", "stop").code());
        assertEquals("", tab("source show L").out(), "no names without the database");
        Run status = retrovue(List.of(), "db", "status", "--json");
        assertFalse(status.json().get("up").asBoolean(), "the Tab started nothing: " + status);
    }

    @Test
    @Order(8)
    void anIngestKilledMidWayIsFinishedByTheNextWithTheSameResult() throws Exception {
        Path tree = work.resolve("media/killed");
        java.util.Set<String> expected = new java.util.TreeSet<>();
        for (int i = 0; i < 5_000; i++) { // 4,500 videos: five batches of 1,000
            Path dir = tree.resolve("Show " + i / 1000).resolve("Season " + (i / 100 % 10 + 1));
            if (i % 100 == 0) {
                Files.createDirectories(dir);
            }
            String name = "Episode " + i + (i % 10 == 9 ? ".nfo" : ".mkv");
            Files.createFile(dir.resolve(name));
            if (i % 10 != 9) {
                expected.add(tree.relativize(dir.resolve(name)).toString());
            }
        }
        assertEquals(0, retrovue(List.of(), "source", "add", "--type", "filesystem", "--name", "Killed", "--base-path", tree.toString()).code());
        assertEquals(0, retrovue(List.of(), "source", "enable", "Killed/killed").code());

        long committed;
        try (Connection db = catalogue(); Statement sql = db.createStatement()) {
            sql.execute("select pg_advisory_lock(" + HOLD + ")");
            sql.execute("create sequence test_hold_batches");
            sql.execute("""
                    create function test_hold_batch() returns trigger language plpgsql as $$
                    begin
                      if nextval('test_hold_batches') > 1 then
                        perform pg_advisory_xact_lock(%s);
                      end if;
                      return null;
                    end $$""".formatted(HOLD));
            sql.execute("create trigger test_hold_batch after insert on assets for each statement execute function test_hold_batch()");
            Process ingest = null;
            try {
                ProcessBuilder builder = new ProcessBuilder(image.resolve("bin/retrovue").toString(), "source", "ingest", "Killed");
                builder.environment().remove("RETROVUE_DATABASE_URL");
                builder.environment().put("RETROVUE_DATA_DIR", dataDir.toString());
                builder.environment().put("RETROVUE_RESIDENT", "off"); // the JVM doing the ingest is the process killed
                builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
                ingest = builder.start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (!secondBatchWaits(sql)) {
                    assertTrue(ingest.isAlive(), "the ingest ended before its second batch");
                    assertTrue(System.nanoTime() < deadline, "the ingest's second batch never came");
                    Thread.sleep(20);
                }
                ingest.destroyForcibly(); // SIGKILL: bin/retrovue execs java, so this is the JVM itself
                assertTrue(ingest.waitFor(30, TimeUnit.SECONDS));
                JsonNode after = collection("Killed");
                committed = after.get("assets").get("present").asLong();
                assertEquals(1_000, committed, "killed part-way, with its first batch (1,000 items) committed: " + after);
                assertTrue(after.get("last_ingest").isNull(), after::toString);
            } finally {
                if (ingest != null) {
                    ingest.destroyForcibly();
                }
                sql.execute("select pg_advisory_unlock(" + HOLD + ")"); // the held batch goes on, finds its client gone, rolls back
                sql.execute("drop trigger test_hold_batch on assets"); // waits for that
                sql.execute("drop function test_hold_batch()");
                sql.execute("drop sequence test_hold_batches");
            }
        }

        Run rerun = retrovue(List.of(), "source", "ingest", "Killed", "--json");
        assertEquals(0, rerun.code(), "the lock died with the killed process: " + rerun);
        JsonNode counts = rerun.json().get("collections").get(0).get("counts");
        assertEquals(committed, counts.get("unchanged").asLong(), rerun::toString);
        assertEquals(expected.size() - committed, counts.get("new").asLong(), rerun::toString);
        Run assets = retrovue(List.of(), "source", "assets", "Killed/killed", "--limit", "0", "--json");
        java.util.List<String> keys = new ArrayList<>();
        assets.json().forEach(a -> keys.add(a.get("key").asText()));
        assertEquals(expected.size(), keys.size(), "no duplicates");
        assertEquals(expected, new java.util.TreeSet<>(keys), "the same items as an uninterrupted ingest");
        assertTrue(collection("Killed").get("last_ingest").get("outcome").asText().equals("ok"));
        assertEquals(0, retrovue(List.of(), "source", "delete", "Killed", "--force").code());
    }

    /** The advisory lock (two-key form) on which the test holds the ingest's batches after the first. */
    private static final String HOLD = "26, 1426";

    private static boolean secondBatchWaits(Statement sql) throws java.sql.SQLException {
        try (ResultSet rs = sql.executeQuery("select count(*) from pg_locks where locktype = 'advisory' and not granted"
                + " and classid = 26 and objid = 1426 and objsubid = 2")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    /** A connection to the image's embedded catalogue, as the operator's own tools could open one. */
    private static Connection catalogue() throws Exception {
        Run status = retrovue(List.of(), "db", "status", "--json");
        JsonNode json = status.json();
        String password = Files.readString(Path.of(json.get("data_dir").asText()).resolve("password")).strip();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + json.get("port").asInt() + "/retrovue",
                json.get("user").asText(), password);
    }

    private static JsonNode collection(String source) throws Exception {
        Run run = retrovue(List.of(), "source", "collections", source, "--json");
        assertEquals(0, run.code(), run::toString);
        return run.json().get(0);
    }

    /** Copies what the process writes into {@code screen} as it comes. */
    private static Thread readInto(Process process, StringBuffer screen) {
        return Thread.ofVirtual().start(() -> {
            try (var in = process.getInputStream()) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    screen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException closed) {
                // the process ended
            }
        });
    }

    private static void awaitOnScreen(StringBuffer screen, String text, int times) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (screen.toString().split(java.util.regex.Pattern.quote(text), -1).length - 1 < times) {
            assertTrue(System.nanoTime() < deadline, "waited for '" + text + "' x" + times + "; screen:\n" + screen);
            Thread.sleep(20);
        }
    }
}
