package org.retrovue.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.retrovue.pg.testing.TestPostgres;

/**
 * The server the database tests ran against, in the test report: the README promises any PostgreSQL 14+, CI runs
 * these tests against the embedded 17 and against Debian's 15 (with {@code RETROVUE_TEST_EXPECT_SERVER_VERSION=15},
 * which {@link TestPostgres} itself also enforces for every test).
 */
class TestServerIT {
    @Test
    void theTestServerIsAPostgreSqlThatTheReadmePromises() throws Exception {
        TestPostgres server = TestPostgres.get();
        System.out.println("database tests run against PostgreSQL " + server.serverVersion());
        assertTrue(server.serverMajorVersion() >= TestPostgres.OLDEST_SUPPORTED_MAJOR, server.serverVersion());
        String expected = System.getenv("RETROVUE_TEST_EXPECT_SERVER_VERSION");
        if (expected != null && !expected.isBlank()) {
            assertEquals(expected.strip(), Integer.toString(server.serverMajorVersion()), server.serverVersion());
        }
        try (Connection c = server.freshDatabase().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("show server_version_num")) {
            rs.next();
            assertEquals(server.serverMajorVersion(), Integer.parseInt(rs.getString(1)) / 10000, "a fresh database is on that same server");
        }
    }
}
