package org.retrovue.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** One embedded server of its own, taken through its life: first start, sharing, stop, restart, crash recovery. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedPostgresIT {
    private static EmbeddedPostgres server;

    @BeforeAll
    static void create() throws Exception {
        Path home = Path.of(System.getProperty("retrovue.test.workdir", "target/test-work")).toAbsolutePath().resolve("lifecycle-" + System.nanoTime());
        server = EmbeddedPostgres.forTests(home, Path.of(System.getProperty("java.io.tmpdir"), "retrovue-test-pg-binaries"));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    @Order(1)
    void startsOnFirstUseCreatesTheDatabaseAndLogsToAFile() throws Exception {
        assertFalse(server.status().running());
        Endpoint endpoint = server.ensureRunning("catalogue");
        assertTrue(server.status().running());
        assertTrue(server.status().initialised());
        assertEquals(endpoint.port(), server.status().port().getAsInt());
        try (Connection c = DriverManager.getConnection(endpoint.jdbcUrl("catalogue"), endpoint.user(), endpoint.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show server_version")) {
            rs.next();
            assertTrue(rs.getString(1).startsWith(EmbeddedPostgres.bundledVersion().split("\\.")[0]), rs.getString(1));
        }
        assertTrue(Files.size(server.logFile()) > 0, "the server writes to its log file");
    }

    @Test
    @Order(2)
    void requiresItsPasswordWhichOnlyItsOwnerCanRead() throws Exception {
        Endpoint endpoint = server.ensureRunning("catalogue");
        assertTrue(endpoint.password().length() >= 30, "a long random password");
        assertFalse(endpoint.toString().contains(endpoint.password()));
        java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                () -> DriverManager.getConnection(endpoint.jdbcUrl("catalogue"), endpoint.user(), "wrong").close());
        assertEquals("28P01", refused.getSQLState(), refused.getMessage());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(server.home().resolve("password"))));
    }

    @Test
    @Order(3)
    void concurrentCallersShareOneServer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Endpoint>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(() -> server.ensureRunning("catalogue")));
            }
            long pid = server.status().pid().getAsLong();
            for (Future<Endpoint> call : calls) {
                assertEquals(server.status().port().getAsInt(), call.get(60, TimeUnit.SECONDS).port());
            }
            assertEquals(pid, server.status().pid().getAsLong());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(4)
    void stopsAndStartsAgain() {
        assertTrue(server.stop());
        assertFalse(server.status().running());
        assertFalse(server.stop(), "stopping a stopped server is a no-op");
        server.ensureRunning("catalogue");
        assertTrue(server.status().running());
    }

    @Test
    @Order(5)
    void aCrashedServerIsStartedAgain() throws Exception {
        long pid = server.status().pid().getAsLong();
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        postmaster.destroyForcibly();
        postmaster.onExit().get(30, TimeUnit.SECONDS);
        assertFalse(server.status().running(), "a pid file whose process is gone is stale");
        Endpoint endpoint = server.ensureRunning("catalogue");
        assertTrue(server.status().running());
        try (Connection c = DriverManager.getConnection(endpoint.jdbcUrl("catalogue"), endpoint.user(), endpoint.password())) {
            assertTrue(c.isValid(5));
        }
    }
}
