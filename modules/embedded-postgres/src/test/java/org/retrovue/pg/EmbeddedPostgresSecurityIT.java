package org.retrovue.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded server as another local user would attack it: during its first start, after a setup killed
 * part-way, with a cluster an older RetroVue left trusting everyone, and after its postmaster was killed.
 */
class EmbeddedPostgresSecurityIT {
    private static final Path BINARIES = Path.of(System.getProperty("java.io.tmpdir"), "retrovue-test-pg-binaries");
    private final List<EmbeddedPostgres> started = new ArrayList<>();

    @AfterEach
    void stopServers() {
        started.forEach(EmbeddedPostgres::stop);
    }

    private EmbeddedPostgres newServer(String name) {
        Path home = Path.of(System.getProperty("retrovue.test.workdir", "target/test-work")).toAbsolutePath()
                .resolve(name + "-" + System.nanoTime());
        EmbeddedPostgres server = EmbeddedPostgres.forTests(home, BINARIES);
        started.add(server);
        return server;
    }

    @Test
    void anotherLocalUserPollingForTheNewPortNeverGetsInDuringTheFirstStart() throws Exception {
        EmbeddedPostgres server = newServer("first-start");
        Process poller = startPollerAsAnotherUser(40);
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(poller.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("ready", lines.readLine(), "the poller runs");
            Endpoint endpoint = server.ensureRunning("catalogue");
            // told only now, so it cannot stop early on another server that starts on this machine meanwhile
            poller.getOutputStream().write("stop\n".getBytes(StandardCharsets.UTF_8));
            poller.getOutputStream().flush();
            assertTrue(poller.waitFor(60, TimeUnit.SECONDS), "the poller stops half a second after it is told");
            List<String> said = lines.lines().toList();
            // only our port counts: a server someone else starts meanwhile on this machine is not ours to judge
            assertFalse(said.contains("CONNECTED " + endpoint.port()), "no login without the password: " + said);
            assertTrue(said.stream().anyMatch(l -> l.startsWith("tried " + endpoint.port() + " ")),
                    "the poller found the server's port and tried it: " + said);
        } finally {
            poller.destroyForcibly();
        }
        assertTrue(server.status().securityProblem().isEmpty());
        assertEquals("SCRAM-SHA-256$16:", rolePassword(server).substring(0, 17), "the password was set with few iterations");
    }

    @Test
    void aClusterLeftTrustingEveryoneIsLockedDownBeforeUseAndKeepsItsData() throws Exception {
        EmbeddedPostgres server = newServer("trusting");
        Endpoint first = server.ensureRunning("catalogue");
        try (Connection c = connect(first, "catalogue"); Statement s = c.createStatement()) {
            s.execute("create table kept (id int)");
        }
        server.stop();
        // what a first start killed after the server was up, or an older RetroVue, left behind
        Files.writeString(server.home().resolve("data/pg_hba.conf"), "host all all 127.0.0.1/32 trust\n");
        Files.delete(server.home().resolve("password"));
        assertTrue(server.status().securityProblem().isPresent(), "db status shows the problem");

        Endpoint secured = server.ensureRunning("catalogue");
        assertTrue(server.status().securityProblem().isEmpty(), server.status().toString());
        assertNotEquals(first.password(), secured.password(), "a new password, since the old file was gone");
        assertRefusesAWrongPassword(secured);
        try (Connection c = connect(secured, "catalogue"); Statement s = c.createStatement()) {
            s.executeQuery("select count(*) from kept").close();
        }
        assertFalse(Files.readString(server.home().resolve("tools.log")).contains(secured.password()), "the password is never logged");
    }

    @Test
    void aRunningServerWhoseAccessRulesWereLoosenedIsRestartedLockedDown() throws Exception {
        EmbeddedPostgres server = newServer("loosened");
        server.ensureRunning();
        long pid = server.status().pid().getAsLong();
        Files.writeString(server.home().resolve("data/pg_hba.conf"), "host all all 0.0.0.0/0 trust\n");
        String problem = server.status().securityProblem().orElseThrow();
        assertTrue(problem.contains("pg_hba.conf"), problem);

        Endpoint endpoint = server.ensureRunning();
        assertNotEquals(pid, server.status().pid().getAsLong(), "restarted with the rules we wrote");
        assertTrue(server.status().securityProblem().isEmpty());
        assertRefusesAWrongPassword(endpoint);
    }

    @Test
    void aSetupKilledPartWayIsRedoneFromScratch() throws Exception {
        EmbeddedPostgres server = newServer("half-made");
        Files.createDirectories(server.home().resolve("setup-123/base"));
        Files.writeString(server.home().resolve("setup-123/PG_VERSION"), "17\n");
        Files.writeString(server.home().resolve("setup-456.password"), "leftover");
        Endpoint endpoint = server.ensureRunning("catalogue");
        try (var left = Files.list(server.home())) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("setup-")).toList());
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(server.home())));
        assertRefusesAWrongPassword(endpoint);
        connect(endpoint, "catalogue").close();
    }

    @Test
    void aClusterWhoseInitdbWasKilledEarlyHoldsNothingAndIsMadeAnew() throws Exception {
        EmbeddedPostgres server = newServer("initdb-killed");
        Files.createDirectories(server.home().resolve("data/base"));
        Files.writeString(server.home().resolve("data/PG_VERSION"), "17\n");
        Files.writeString(server.home().resolve("data/pg_hba.conf"), "host all all 127.0.0.1/32 trust\n");
        assertFalse(server.status().initialised());
        Endpoint endpoint = server.ensureRunning("catalogue");
        assertTrue(server.status().securityProblem().isEmpty());
        assertRefusesAWrongPassword(endpoint);
        connect(endpoint, "catalogue").close();
    }

    @Test
    void aServerKilledAMomentAgoIsFollowedAtOnceWithoutAnError() throws Exception {
        EmbeddedPostgres server = newServer("killed");
        server.ensureRunning();
        long pid = server.status().pid().getAsLong();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        for (int i = 0; i < 200 && Files.exists(stat) && !Files.readString(stat).matches("(?s).*\\) [ZX] .*"); i++) {
            Thread.sleep(10); // dead, perhaps not yet reaped
        }
        Endpoint endpoint = server.ensureRunning(); // no more waiting: its backends may still hold its shared memory
        connect(endpoint, "postgres").close();
    }

    @Test
    void aStalePidFileNamingAnUnrelatedLiveProcessIsCleared() throws Exception {
        EmbeddedPostgres server = newServer("stale-pid");
        server.ensureRunning();
        String pidFile = Files.readString(server.home().resolve("data/postmaster.pid"));
        server.stop();
        Process unrelated = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(server.home().resolve("data/postmaster.pid"), unrelated.pid() + pidFile.substring(pidFile.indexOf('\n')));
            assertFalse(server.status().running(), "an unrelated process is not our server");
            connect(server.ensureRunning(), "postgres").close();
            assertTrue(unrelated.isAlive(), "and is left alone");
        } finally {
            unrelated.destroyForcibly();
        }
    }

    @Test
    void aServerThatCannotStartSaysWhyInOneLineWithoutTheNamespaceHint() throws Exception {
        EmbeddedPostgres server = newServer("cannot-start");
        server.ensureRunning();
        server.stop();
        Files.writeString(server.home().resolve("data/postgresql.conf"), "shared_buffers = 'plenty'\n", java.nio.file.StandardOpenOption.APPEND);
        EmbeddedPostgresException e = assertThrows(EmbeddedPostgresException.class, server::ensureRunning);
        assertTrue(e.getMessage().contains("(FATAL:  configuration file") && e.getMessage().contains("contains errors)"), e.getMessage());
        assertFalse(e.getMessage().contains("namespace"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aFailedToolSaysWhatWentWrongInOneLine() {
        assertEquals("PANIC:  could not write to file \"pg_wal/xlogtemp.1\": No space left on device",
                ServerTools.lastComplaint("LOG:  starting\n2026-12-01 PANIC:  could not write to file \"pg_wal/xlogtemp.1\": No space left on device\n"
                        + "LOG:  aborting\n"));
        assertEquals(null, ServerTools.lastComplaint("waiting for server to start.... done\n"));
    }

    private static void assertRefusesAWrongPassword(Endpoint endpoint) {
        SQLException refused = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(endpoint.jdbcUrl("postgres"), endpoint.user(), "guess").close());
        assertEquals("28P01", refused.getSQLState(), refused.getMessage());
    }

    private static Connection connect(Endpoint endpoint, String database) throws SQLException {
        return DriverManager.getConnection(endpoint.jdbcUrl(database), endpoint.user(), endpoint.password());
    }

    private static String rolePassword(EmbeddedPostgres server) throws SQLException {
        Endpoint endpoint = server.ensureRunning();
        try (Connection c = connect(endpoint, "postgres"); Statement s = c.createStatement();
             var rs = s.executeQuery("select rolpassword from pg_authid where rolname = 'postgres'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The poller runs as {@code nobody} when we are root (as in CI), else as ourselves: TCP logins do not care. */
    private static Process startPollerAsAnotherUser(int seconds) throws Exception {
        Path folder = Files.createTempDirectory("retrovue-poller");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (InputStream source = EmbeddedPostgresSecurityIT.class.getResourceAsStream("PortPoller.java.txt")) {
            Files.write(folder.resolve("PortPoller.java"), source.readAllBytes());
        }
        Path driver = Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Files.copy(driver, folder.resolve("pgjdbc.jar"));
        for (Path p : List.of(folder.resolve("PortPoller.java"), folder.resolve("pgjdbc.jar"))) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        }
        List<String> command = new ArrayList<>();
        if (RootDetector.isRoot()) {
            command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-Duser.home=/tmp", "-cp", folder.resolve("pgjdbc.jar").toString(), folder.resolve("PortPoller.java").toString(),
                Integer.toString(seconds)));
        return new ProcessBuilder(command).directory(folder.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
