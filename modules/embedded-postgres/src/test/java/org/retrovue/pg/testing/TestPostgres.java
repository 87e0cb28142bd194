package org.retrovue.pg.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.retrovue.pg.EmbeddedPostgres;
import org.retrovue.pg.Endpoint;

/**
 * The PostgreSQL that tests use, found once per test JVM in this order: {@code RETROVUE_TEST_DATABASE_URL} (with
 * {@code RETROVUE_TEST_DATABASE_USER}, default {@code postgres}, and {@code RETROVUE_TEST_DATABASE_PASSWORD}); Testcontainers
 * where a Docker engine answers; an embedded server under {@code target/test-work}, stopped when the JVM exits. Each
 * call of {@link #freshDatabase()} creates an empty database of its own, so the user must be allowed to create
 * databases (a superuser, or a role with CREATEDB); on a server of {@code RETROVUE_TEST_DATABASE_URL} they are
 * dropped again when the JVM exits.
 *
 * <p>With {@code RETROVUE_TEST_EXPECT_SERVER_VERSION} set to a major version (CI sets 15 for its pass against
 * Debian's PostgreSQL 15), a server of another major version fails every test that asks for it: a run meant for one
 * server cannot silently pass against another.
 */
public final class TestPostgres {
    /** The oldest PostgreSQL that the README promises to work with. */
    public static final int OLDEST_SUPPORTED_MAJOR = 14;

    private static TestPostgres instance;

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String urlPrefix;
    private final String urlSuffix;
    private final List<String> created = new ArrayList<>();
    private int serverMajorVersion;
    private String serverVersion;

    private TestPostgres(String adminUrl, String user, String password) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        // jdbc:postgresql://host:port/database?parameters: the parameters (sslmode, ...) apply to every database
        int query = adminUrl.indexOf('?');
        String withoutQuery = query < 0 ? adminUrl : adminUrl.substring(0, query);
        int slash = withoutQuery.lastIndexOf('/');
        if (slash < 0 || withoutQuery.lastIndexOf("//") == slash - 1) {
            throw new IllegalStateException("the test database URL names no database (jdbc:postgresql://host:port/postgres): " + adminUrl);
        }
        this.urlPrefix = withoutQuery.substring(0, slash + 1);
        this.urlSuffix = query < 0 ? "" : adminUrl.substring(query);
    }

    public static synchronized TestPostgres get() {
        if (instance == null) {
            TestPostgres located = locate();
            located.checkServerVersion(System.getenv("RETROVUE_TEST_EXPECT_SERVER_VERSION"));
            instance = located;
        }
        return instance;
    }

    private static TestPostgres locate() {
        String url = System.getenv("RETROVUE_TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            TestPostgres external = new TestPostgres(url, env("RETROVUE_TEST_DATABASE_USER", "postgres"), env("RETROVUE_TEST_DATABASE_PASSWORD", ""));
            Runtime.getRuntime().addShutdownHook(new Thread(external::dropCreatedDatabases, "drop-test-databases"));
            return external;
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

    /** Reads the server's version, and fails when {@code expectedMajor} is set and the server is of another one. */
    private void checkServerVersion(String expectedMajor) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_setting('server_version_num')::int, current_setting('server_version')")) {
            rs.next();
            serverMajorVersion = rs.getInt(1) / 10000;
            serverVersion = rs.getString(2);
        } catch (SQLException e) {
            throw new IllegalStateException("could not connect to the test server " + adminUrl + ": " + e.getMessage(), e);
        }
        if (expectedMajor != null && !expectedMajor.isBlank() && !expectedMajor.strip().equals(Integer.toString(serverMajorVersion))) {
            throw new IllegalStateException("the test server " + adminUrl + " is PostgreSQL " + serverVersion
                    + ", but RETROVUE_TEST_EXPECT_SERVER_VERSION is " + expectedMajor.strip());
        }
    }

    /** The major version of the test server (17 for 17.6). */
    public int serverMajorVersion() {
        return serverMajorVersion;
    }

    /** The test server's version as it reports it ({@code server_version}, e.g. {@code 15.14 (Debian 15.14-0+deb12u1)}). */
    public String serverVersion() {
        return serverVersion;
    }

    /** A new, empty database on the test server. */
    public Database freshDatabase() {
        String name = "test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            String hint = "42501".equals(e.getSQLState()) ? " (the test user needs CREATEDB, or to be a superuser)" : "";
            throw new IllegalStateException("could not create test database on " + adminUrl + ": " + e.getMessage() + hint, e);
        }
        synchronized (created) {
            created.add(name);
        }
        return new Database(urlOf(name), user, password);
    }

    /** The URL of database {@code name} on the test server, with the admin URL's parameters. */
    String urlOf(String name) {
        return urlPrefix + name + urlSuffix;
    }

    /**
     * Leaves a server that is not ours as it found it: drops the databases this JVM created (ending the sessions that
     * still use them). Each drop waits for a checkpoint, so four go at once, and it gives up after 20 seconds
     * (Surefire kills a test JVM that takes 30 to exit), saying how many it left.
     */
    private void dropCreatedDatabases() {
        Queue<String> names;
        synchronized (created) {
            names = new ConcurrentLinkedQueue<>(created);
        }
        int total = names.size();
        AtomicInteger dropped = new AtomicInteger();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < Math.min(4, total); i++) {
            workers.add(Thread.ofPlatform().name("drop-test-databases-" + i).daemon(true).start(() -> {
                try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
                    for (String name = names.poll(); name != null && System.nanoTime() < deadline; name = names.poll()) {
                        try {
                            s.execute("drop database if exists " + name + " with (force)");
                            dropped.incrementAndGet();
                        } catch (SQLException e) {
                            System.err.println("could not drop test database " + name + ": " + e.getMessage());
                        }
                    }
                } catch (SQLException e) {
                    System.err.println("could not connect to drop test databases: " + e.getMessage());
                }
            }));
        }
        try {
            for (Thread worker : workers) {
                worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (dropped.get() < total) {
            System.err.println("left " + (total - dropped.get()) + " of " + total + " test databases (test_*) on " + adminUrl);
        }
    }

    /** Connection details of one test database. */
    public record Database(String url, String user, String password) {
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }
}
