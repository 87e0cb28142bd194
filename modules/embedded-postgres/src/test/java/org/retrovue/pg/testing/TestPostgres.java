package org.retrovue.pg.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.retrovue.pg.EmbeddedPostgres;
import org.retrovue.pg.Endpoint;

/**
 * The PostgreSQL that tests use, found once per test JVM in this order: {@code RETROVUE_TEST_DATABASE_URL};
 * Testcontainers where a Docker engine answers; an embedded server under {@code target/test-work}, stopped when
 * the JVM exits. Each call of {@link #freshDatabase()} creates an empty database of its own.
 */
public final class TestPostgres {
    private static TestPostgres instance;

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String urlPrefix;

    private TestPostgres(String adminUrl, String user, String password) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.urlPrefix = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1);
    }

    public static synchronized TestPostgres get() {
        if (instance == null) {
            instance = locate();
        }
        return instance;
    }

    private static TestPostgres locate() {
        String url = System.getenv("RETROVUE_TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return new TestPostgres(url, env("RETROVUE_TEST_DATABASE_USER", "postgres"), env("RETROVUE_TEST_DATABASE_PASSWORD", ""));
        }
        TestPostgres docker = TestcontainersPostgres.startIfDockerAnswers();
        if (docker != null) {
            return docker;
        }
        return embedded();
    }

    static TestPostgres of(String adminUrl, String user, String password) {
        return new TestPostgres(adminUrl, user, password);
    }

    private static TestPostgres embedded() {
        Path work = Path.of(System.getProperty("retrovue.test.workdir", "target/test-work")).toAbsolutePath();
        Path binaries = Path.of(System.getProperty("java.io.tmpdir"), "retrovue-test-pg-binaries");
        EmbeddedPostgres server = EmbeddedPostgres.forTests(work.resolve("postgres"), binaries);
        Endpoint endpoint = server.ensureRunning();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-test-postgres"));
        return new TestPostgres(endpoint.jdbcUrl("postgres"), endpoint.user(), endpoint.password());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A new, empty database on the test server. */
    public Database freshDatabase() {
        String name = "test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database on " + adminUrl + ": " + e.getMessage(), e);
        }
        return new Database(urlPrefix + name, user, password);
    }

    /** Connection details of one test database. */
    public record Database(String url, String user, String password) {
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }
}
