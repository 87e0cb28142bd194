package org.retrovue.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.retrovue.image.ImageProcess.Run;

/**
 * The resident process (docs/adr/0008) from the image: started by a served command run in a JVM of its own, then
 * serving the same commands with the same output, errors and exit codes; refusing requests from another
 * environment (the command then runs in-process, as without it); ending when plugins change, when idle, and on
 * {@code db stop}; answering nobody without the secret. {@code RETROVUE_RESIDENT=only} makes a served command fail
 * instead of running in-process, which is how these tests know who ran it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResidentProcessIT {
    private static Path image;
    private static Path work;
    private static Path dataDir;
    private static Path media;

    @BeforeAll
    static void start() throws Exception {
        image = Path.of(System.getProperty("retrovue.image", "target/retrovue")).toAbsolutePath();
        work = Path.of(System.getProperty("retrovue.test.workdir", "target/smoke-work")).toAbsolutePath().resolve("resident-" + UUID.randomUUID());
        dataDir = work.resolve("data");
        media = Files.createDirectories(work.resolve("media/Shows"));
        for (int i = 0; i < 30; i++) {
            Files.writeString(media.resolve("Episode " + i + ".mkv"), "x");
        }
        Run added = run(Map.of(), "source", "add", "--type", "filesystem", "--name", "Resident Shows", "--base-path", media.toString());
        assertEquals(0, added.code(), added.toString());
        assertEquals(0, run(Map.of(), "source", "enable", "Resident Shows/Shows").code());
    }

    @AfterAll
    static void stop() throws Exception {
        run(Map.of("RETROVUE_RESIDENT", "off"), "db", "stop");
    }

    @Test
    @Order(1)
    void aServedCommandStartsItThenItServesTheSameAnswers() throws Exception {
        for (String[] startsNothing : new String[][] {{"db", "status"}, {"--version"}}) { // as the docs promise
            assertEquals(0, run(Map.of(), startsNothing).code());
        }
        Run bogus = run(Map.of("RETROVUE_RESIDENT", "bogus"), "source", "list");
        assertEquals(2, bogus.code(), bogus.toString());
        assertEquals("error: RETROVUE_RESIDENT must be on, off or only (it is 'bogus'); unset it for the default (on)", bogus.err().strip());
        Thread.sleep(1500); // a process they started would have written its state by now
        assertFalse(Files.exists(dataDir.resolve("resident/state")), "db status and --version start no resident process");

        Run first = run(Map.of(), "source", "list", "--json"); // none yet: runs here, then starts one
        assertEquals(0, first.code(), first.toString());
        long pid = awaitResident();
        assertTrue(ProcessHandle.of(pid).isPresent());
        Path state = dataDir.resolve("resident/state");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state.getParent())));

        Run served = run(Map.of("RETROVUE_RESIDENT", "only"), "source", "list", "--json");
        assertEquals(0, served.code(), served.toString());
        assertEquals(first.out(), served.out());
        assertEquals("", served.err());

        Run version = run(Map.of("RETROVUE_RESIDENT", "only"), "--version");
        assertEquals(run(Map.of("RETROVUE_RESIDENT", "off"), "--version").toString(), version.toString());

        Run alone = run(Map.of("RETROVUE_RESIDENT", "off"), "source", "show", "Resident Shows");
        Run shown = run(Map.of("RETROVUE_RESIDENT", "only"), "source", "show", "Resident Shows");
        assertEquals(alone.toString(), shown.toString());

        Run names = run(Map.of("RETROVUE_RESIDENT", "only"), "completion", "--names", "sources"); // a Tab in bash
        assertEquals("exit 0\n--- stdout\nResident Shows\n--- stderr\n", names.toString());
    }

    @Test
    @Order(2)
    void errorsAndExitCodesComeBackAsFromItsOwnJvm() throws Exception {
        for (List<String> args : List.of(List.of("source", "show", "no\\such"), List.of("source", "list", "--bogus"),
                List.of("source", "assets", "nowhere"))) {
            Run alone = run(Map.of("RETROVUE_RESIDENT", "off"), args.toArray(String[]::new));
            Run served = run(Map.of("RETROVUE_RESIDENT", "only"), args.toArray(String[]::new));
            assertTrue(alone.code() > 1, alone.toString());
            assertEquals(alone.toString(), served.toString(), "for " + args);
            assertEquals(1, served.err().lines().count(), served.err());
        }
        assertTrue(run(Map.of("RETROVUE_RESIDENT", "only"), "source", "show", "no\\such").err().contains("'no\\such'"));
    }

    @Test
    @Order(3)
    void ingestRunsInItAndItsAssetsAreListed() throws Exception {
        Run ingested = run(Map.of("RETROVUE_RESIDENT", "only"), "source", "ingest", "--json");
        assertEquals(0, ingested.code(), ingested.toString());
        assertTrue(ingested.json().get("collections").get(0).get("counts").get("new").asInt() == 30, ingested.out());
        Run assets = run(Map.of("RETROVUE_RESIDENT", "only"), "source", "assets", "Resident Shows/Shows", "--json");
        assertEquals(30, assets.json().size(), assets.out());
        Run again = run(Map.of("RETROVUE_RESIDENT", "only"), "source", "ingest", "--json");
        assertEquals(0, again.json().get("collections").get(0).get("counts").get("new").asInt(), again.out());
    }

    @Test
    @Order(4)
    void anotherEnvironmentIsRefusedAndTheCommandRunsHere() throws Exception {
        Path extra = Files.createDirectories(work.resolve("more-plugins"));
        Map<String, String> other = Map.of("RETROVUE_PLUGIN_PATH", extra.toString());
        Run refused = run(withOnly(other), "source", "list");
        assertEquals(1, refused.code(), refused.toString());
        assertTrue(refused.err().contains("another environment"), refused.err());
        Run here = run(other, "source", "list");
        assertEquals(0, here.code(), here.toString());
        assertTrue(here.out().contains("Resident Shows"), here.out());
    }

    @Test
    @Order(5)
    void aPluginDroppedInEndsItAndTheNextOneLoadsIt() throws Exception {
        long before = awaitResident();
        Path plugins = Files.createDirectories(dataDir.resolve("plugins"));
        Files.writeString(plugins.resolve("not-a-plugin.jar"), "not a jar");
        Run refused = run(Map.of("RETROVUE_RESIDENT", "only"), "source", "list-types");
        assertTrue(refused.err().contains("plugins changed"), refused.toString());
        Run here = run(Map.of(), "source", "list-types"); // runs here and starts a new one
        assertEquals(0, here.code(), here.toString());
        long after = awaitResident();
        assertTrue(after != before, "a new resident process");
        Run served = run(Map.of("RETROVUE_RESIDENT", "only"), "source", "list-types");
        assertEquals(here.toString(), served.toString());
        // the jar stays: removing it would be another change, which the next tests do not want
    }

    @Test
    @Order(6)
    void nobodyWithoutTheSecretIsAnswered() throws Exception {
        awaitResident();
        int port = Integer.parseInt(Files.readString(dataDir.resolve("resident/state")).split(" ")[0]);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("RV2\0guess\0x\0stop\0".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            assertEquals(-1, in.read(), "closed without an answer");
        }
        Run served = run(Map.of("RETROVUE_RESIDENT", "only"), "source", "list");
        assertEquals(0, served.code(), "still serving: " + served);
    }

    @Test
    @Order(7)
    void dbStopInTheShellEndsItAndItEndsWhenIdle() throws Exception {
        long pid = awaitResident();
        Run stopped = ImageProcess.run(image, dataDir, Map.of("RETROVUE_RESIDENT", "on"), List.of(), "db stop\n", "shell"); // typed in the shell
        assertEquals(0, stopped.code(), stopped.toString());
        assertFalse(Files.exists(dataDir.resolve("resident/state")));
        assertTrue(ProcessHandle.of(pid).map(p -> p.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join()).map(p -> !p.isAlive()).orElse(true));

        // started with an environment of its own: a client with the same one is served (bin/retrovue computes the
        // digest the process wrote, escapes and all), one with another password is not, and no request holds it
        Map<String, String> own = Map.of("RETROVUE_JAVA_OPTS", "-Dretrovue.resident.idle-seconds=3",
                "RETROVUE_DATABASE_PASSWORD", "unused \\ by the embedded\ndatabase"); // read only with RETROVUE_DATABASE_URL
        Run started = run(own, "source", "list");
        assertEquals(0, started.code(), started.toString());
        long idle = awaitResident();
        Run served = run(withOnly(own), "--version");
        assertEquals(0, served.code(), served.toString());
        Map<String, String> otherPassword = new HashMap<>(own);
        otherPassword.put("RETROVUE_DATABASE_PASSWORD", "another");
        Run refused = run(withOnly(otherPassword), "--version");
        assertTrue(refused.err().contains("(another environment)"), refused.toString());
        assertTrue(ProcessHandle.of(idle).map(p -> p.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join()).map(p -> !p.isAlive()).orElse(true),
                "ended after 3 s without requests");
        assertTrue(Files.readString(dataDir.resolve("resident/log")).contains("stopping: idle"));
    }

    @Test
    @Order(8)
    void aStateFileLeftByAKilledProcessSendsNothingToWhoeverHoldsItsPortNow() throws Exception {
        String build = Files.readAllLines(image.resolve("bin/retrovue")).stream().filter(l -> l.startsWith("build="))
                .findFirst().orElseThrow().substring("build=".length());
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        try (java.net.ServerSocket impostor = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            impostor.setSoTimeout(2_000);
            Files.writeString(dataDir.resolve("resident/state"), impostor.getLocalPort() + " secret " + build + " " + gone.pid() + " 5 -\n");
            Run refused = run(Map.of("RETROVUE_RESIDENT", "only", "RETROVUE_DATABASE_PASSWORD", "hunter2"), "source", "list");
            assertEquals(1, refused.code(), refused.toString());
            assertTrue(refused.err().contains("it is not running"), refused.err());
            org.junit.jupiter.api.Assertions.assertThrows(java.net.SocketTimeoutException.class, impostor::accept, "nobody connected");
        } finally {
            Files.deleteIfExists(dataDir.resolve("resident/state"));
        }
    }

    @Test
    @Order(9)
    void aSchemaMigratedPastThisBuildStopsItAndIsRefusedAsInAJvmOfItsOwn() throws Exception {
        assertEquals(0, run(Map.of(), "source", "list").code()); // starts one if none is running
        long pid = awaitResident();
        assertEquals(0, run(Map.of("RETROVUE_RESIDENT", "only"), "source", "list").code()); // it holds the catalogue now
        Files.writeString(media.resolve("Episode 99.mkv"), "x"); // what an ingest would add

        var status = run(Map.of("RETROVUE_RESIDENT", "off"), "db", "status", "--json").json();
        String password = Files.readString(Path.of(status.get("data_dir").asText()).resolve("password")).strip();
        String url = "jdbc:postgresql://127.0.0.1:" + status.get("port").asInt() + "/retrovue";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, status.get("user").asText(), password);
             java.sql.Statement s = c.createStatement()) {
            // as a newer RetroVue (or someone by hand) leaves it: version 99 applied out of band
            s.executeUpdate("insert into flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by,"
                    + " execution_time, success) select max(installed_rank) + 1, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0,"
                    + " current_user, 0, true from flyway_schema_history");
        }

        Run alone = run(Map.of("RETROVUE_RESIDENT", "off"), "source", "ingest");
        assertEquals(6, alone.code(), alone.toString());
        assertTrue(alone.err().startsWith("error: ") && alone.err().contains("schema version 99"), alone.err());
        Run served = run(Map.of("RETROVUE_RESIDENT", "only"), "source", "ingest");
        assertEquals(alone.toString(), served.toString());
        assertEquals(1, served.err().lines().count(), served.err());

        assertTrue(ProcessHandle.of(pid).map(p -> p.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join()).map(p -> !p.isAlive()).orElse(true),
                "it ended");
        String log = Files.readString(dataDir.resolve("resident/log"));
        assertTrue(log.contains("stopping: the catalogue's schema is newer than this build: ") && log.contains("schema version 99"), log);
        Run after = run(Map.of("RETROVUE_RESIDENT", "only"), "source", "list");
        assertTrue(after.err().contains("none is running"), after.toString());
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, status.get("user").asText(), password);
             java.sql.ResultSet rs = c.createStatement().executeQuery("select count(*) from assets")) {
            rs.next();
            assertEquals(30, rs.getInt(1), "nothing was ingested");
        }

        Run text = run(Map.of("RETROVUE_RESIDENT", "off"), "db", "status");
        assertEquals(0, text.code(), text.toString());
        assertTrue(text.out().lines().anyMatch(l -> l.startsWith("problem") && l.contains("schema version 99 but this RetroVue knows only up to")),
                text.out());
        var json = run(Map.of("RETROVUE_RESIDENT", "off"), "db", "status", "--json").json();
        assertEquals(99, json.get("schema_version").asInt(), json.toString());
        assertTrue(json.get("problem").asText().contains("schema version 99"), json.toString());
    }

    private static Map<String, String> withOnly(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("RETROVUE_RESIDENT", "only");
        return all;
    }

    /** Waits for the resident process's state file; returns its pid. */
    private static long awaitResident() throws Exception {
        Path state = dataDir.resolve("resident/state");
        for (int i = 0; i < 300; i++) {
            if (Files.exists(state)) {
                String[] parts = Files.readString(state).strip().split(" ");
                if (parts.length == 6) {
                    return Long.parseLong(parts[3]);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no resident process started; its log: " + (Files.exists(dataDir.resolve("resident/log"))
                ? Files.readString(dataDir.resolve("resident/log")) : "(none)"));
    }

    private static Run run(Map<String, String> env, String... args) throws Exception {
        Map<String, String> all = new HashMap<>();
        all.put("RETROVUE_RESIDENT", "on");
        all.putAll(env);
        return ImageProcess.run(image, dataDir, all, List.of(), "", args);
    }
}
