package org.retrovue.pg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server kept under one directory ({@code home}): {@code bin/VERSION} holds the unpacked binaries,
 * {@code data} the cluster, {@code server.log} its output. The server runs detached from the process that starts
 * it, so later commands find it running; {@code data/postmaster.pid} says where.
 *
 * <p>PostgreSQL refuses to run as root. When we are root, the server tools run inside a new user namespace
 * ({@code unshare -U}), where they see themselves and the root-owned data directory as {@code nobody}: the cluster
 * stays in the caller's own data directory and nothing on the system changes (docs/adr/0002).
 */
public final class EmbeddedPostgres {
    public static final String SUPERUSER = "postgres";
    private static final int OLD_SERVER_WAIT_SECONDS = 15;
    private static final String SETUP_PREFIX = "setup-";
    private static final Object IN_PROCESS_LOCK = new Object();

    private final Path home;
    private final Path binaries;
    private final Map<String, String> serverSettings;
    private final ServerTools tools;

    private EmbeddedPostgres(Path home, Path binariesRoot, Map<String, String> serverSettings) {
        this.home = home.toAbsolutePath().normalize();
        this.binaries = binariesRoot.toAbsolutePath().normalize().resolve(bundledVersion());
        this.serverSettings = new LinkedHashMap<>(serverSettings);
        this.tools = new ServerTools(binaries, this.home, logFile());
    }

    /** A durable server under {@code home}, its binaries unpacked beside the cluster. */
    public static EmbeddedPostgres at(Path home) {
        return new EmbeddedPostgres(home, home.resolve("bin"), Map.of());
    }

    /** A server for tests: binaries shared between runs, durability traded for speed. */
    public static EmbeddedPostgres forTests(Path home, Path sharedBinaries) {
        Map<String, String> fast = new LinkedHashMap<>();
        fast.put("fsync", "off");
        fast.put("synchronous_commit", "off");
        fast.put("full_page_writes", "off");
        return new EmbeddedPostgres(home, sharedBinaries, fast);
    }

    public Path home() {
        return home;
    }

    public Path logFile() {
        return home.resolve("server.log");
    }

    public static String bundledVersion() {
        Properties properties = new Properties();
        try (InputStream in = EmbeddedPostgres.class.getResourceAsStream("binaries/binaries.properties")) {
            if (in == null) {
                throw new EmbeddedPostgresException("the PostgreSQL binaries are missing from this build");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    /** The running server's endpoint, starting (and first initialising) it when it is not running. */
    public Endpoint ensureRunning() {
        return ensureRunning(null);
    }

    /**
     * As {@link #ensureRunning()}, and when this call starts the server, also creates {@code database} unless it
     * exists; a running server is trusted to have it, so the common path only reads the pid and password files
     * and checks that the cluster is still locked down.
     */
    public Endpoint ensureRunning(String database) {
        Optional<Postmaster> running = postmaster();
        if (running.isPresent() && securityProblem().isEmpty()) {
            return endpoint(running.get().port());
        }
        return withLock(() -> {
            Optional<Postmaster> again = postmaster();
            if (again.isPresent()) {
                if (securityProblem().isEmpty()) {
                    return endpoint(again.get().port());
                }
                stopServer(); // a cluster that lets others in is not served a moment longer
            }
            unpackBinaries();
            if (!isInitialised()) {
                initialise(database);
            } else if (securityProblem().isPresent()) {
                secure();
            }
            Endpoint ready = endpoint(start());
            if (database != null) {
                createDatabase(ready, database);
            }
            return ready;
        });
    }

    /** Creates {@code name} unless it exists. */
    public void createDatabase(Endpoint endpoint, String name) {
        try (Connection c = DriverManager.getConnection(endpoint.jdbcUrl("postgres"), endpoint.user(), endpoint.password());
             PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("create database " + quoteIdentifier(name));
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) { // created meanwhile by a concurrent command
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new EmbeddedPostgresException("could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    public ServerStatus status() {
        Optional<Postmaster> pid = postmaster();
        boolean running = pid.isPresent();
        boolean initialised = isInitialised();
        return new ServerStatus(home, bundledVersion(), initialised, running,
                running ? OptionalLong.of(pid.get().pid()) : OptionalLong.empty(),
                running ? OptionalInt.of(pid.get().port()) : OptionalInt.empty(),
                initialised ? securityProblem() : Optional.empty());
    }

    /** Stops the server; returns whether it was running. */
    public boolean stop() {
        return withLock(() -> {
            if (postmaster().isEmpty()) {
                return false;
            }
            stopServer();
            return true;
        });
    }

    private void stopServer() {
        tools.run(List.of(tools.tool("pg_ctl").toString(), "-D", dataDir().toString(), "-m", "fast", "-w", "-t", "60", "stop"),
                "stop the embedded PostgreSQL", null);
    }

    private Path dataDir() {
        return home.resolve("data");
    }

    /**
     * Whether {@code data} is a cluster: initdb writes {@code PG_VERSION} first and {@code global/pg_control} at the
     * end of its bootstrap, so a folder without both (an older RetroVue's initdb killed part-way) holds nothing and
     * is made anew.
     */
    private boolean isInitialised() {
        return Files.isRegularFile(dataDir().resolve("PG_VERSION")) && Files.isRegularFile(dataDir().resolve("global/pg_control"));
    }

    /** The live postmaster of our cluster, if any; a stale pid file (crash, reboot, reused pid) counts as none. */
    private Optional<Postmaster> postmaster() {
        return Postmaster.read(dataDir()).filter(p -> p.servesCluster(dataDir()));
    }

    private Optional<String> securityProblem() {
        return ClusterSecurity.problem(dataDir(), passwordFile());
    }

    private Endpoint endpoint(int port) {
        return new Endpoint(ClusterSecurity.LOOPBACK, port, SUPERUSER, password());
    }

    private Path passwordFile() {
        return home.resolve("password");
    }

    private String password() {
        try {
            return Files.readString(passwordFile()).strip();
        } catch (IOException e) {
            throw new EmbeddedPostgresException("the embedded PostgreSQL's password file " + passwordFile() + " cannot be read: " + e.getMessage(), e);
        }
    }

    private void unpackBinaries() {
        if (Files.isRegularFile(binaries.resolve(".complete"))) {
            return;
        }
        try {
            Files.createDirectories(binaries.getParent());
            Path staging = Files.createTempDirectory(binaries.getParent(), ".unpack-");
            try (InputStream archive = EmbeddedPostgres.class.getResourceAsStream("binaries/postgres-linux-x86_64.txz")) {
                if (archive == null) {
                    throw new EmbeddedPostgresException("the PostgreSQL binaries are missing from this build");
                }
                TarXzExtractor.extract(archive, staging);
            }
            Files.createFile(staging.resolve(".complete"));
            try {
                Files.move(staging, binaries, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.isRegularFile(binaries.resolve(".complete"))) { // not another process's finished copy
                    throw raced;
                }
                deleteTree(staging);
            }
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not unpack the PostgreSQL binaries into " + binaries + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes a new cluster all at once, with authentication in force before it ever listens: initdb writes into a
     * staging folder with the password already set (SCRAM), our pg_hba.conf and loopback-only settings go in, and
     * only then does the password file, and after it the cluster, move into place. A setup killed part-way leaves
     * a staging folder that the next one deletes, never a cluster that trusts anyone.
     */
    private void initialise(String database) {
        Path staging;
        Path stagedPassword;
        try {
            deleteTree(dataDir());
            createPrivateHome();
            deleteLeftoverSetups();
            // names of their own: a killed command's initdb may still be writing into its staging folder
            staging = Files.createTempDirectory(home, SETUP_PREFIX);
            stagedPassword = Files.createTempFile(home, SETUP_PREFIX, ".password",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(stagedPassword, ClusterSecurity.newPassword());
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not prepare " + dataDir() + ": " + e.getMessage(), e);
        }
        tools.run(List.of(tools.tool("initdb").toString(), "-D", staging.toString(), "-U", SUPERUSER,
                "--pwfile=" + stagedPassword, "--auth=scram-sha-256", "-c", ClusterSecurity.SCRAM_ITERATIONS,
                "-E", "UTF8", "--locale=C", "--no-instructions"), "initialise the embedded PostgreSQL", null);
        if (database != null) {
            singleUser(staging, "create database " + quoteIdentifier(database), "create the database " + database);
        }
        try {
            writeOurConfiguration(staging);
            Files.move(stagedPassword, passwordFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.move(staging, dataDir(), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not configure " + dataDir() + ": " + e.getMessage(), e);
        }
    }

    /** What setups killed part-way left; best effort, since what is left is inert (never a cluster anyone uses). */
    private void deleteLeftoverSetups() throws IOException {
        try (var leftovers = Files.list(home)) {
            for (Path p : leftovers.filter(p -> p.getFileName().toString().startsWith(SETUP_PREFIX)).toList()) {
                try {
                    deleteTree(p);
                } catch (IOException stillWritten) {
                    // an orphaned initdb is still at it; it fails once its folder is gone, and the next setup clears it
                }
            }
        }
    }

    /**
     * Locks down a cluster whose setup was interrupted, or that an older RetroVue made trusting: while nothing
     * listens (single-user mode), the superuser gets the password in the password file (a new one when it is
     * missing), then our pg_hba.conf and loopback-only settings are written. Its data stays.
     */
    private void secure() {
        String password;
        try {
            createPrivateHome();
            password = Files.isRegularFile(passwordFile()) ? Files.readString(passwordFile()).strip() : "";
            if (password.isEmpty()) {
                password = ClusterSecurity.newPassword();
            }
            ClusterSecurity.writePrivate(passwordFile(), password);
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not write " + passwordFile() + ": " + e.getMessage(), e);
        }
        awaitOldServerGone();
        singleUser(dataDir(), "alter role " + SUPERUSER + " password '" + password.replace("'", "''") + "'",
                "set the embedded PostgreSQL's password");
        try {
            writeOurConfiguration(dataDir());
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not configure " + dataDir() + ": " + e.getMessage(), e);
        }
    }

    /** Runs one statement with the server in single-user mode, listening nowhere; the statement is never logged. */
    private void singleUser(Path cluster, String statement, String what) {
        tools.run(List.of(tools.tool("postgres").toString(), "--single", "-D", cluster.toString(),
                        "-c", ClusterSecurity.SCRAM_ITERATIONS, "-c", "listen_addresses=", "-c", "unix_socket_directories=",
                        "-c", "log_min_error_statement=panic", "postgres"),
                what, statement + ";\n");
    }

    private static String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private void writeOurConfiguration(Path cluster) throws IOException {
        Files.writeString(cluster.resolve("pg_hba.conf"), ClusterSecurity.HBA);
        if (!ClusterSecurity.confIsOurs(cluster)) {
            Files.writeString(cluster.resolve("postgresql.conf"), ClusterSecurity.conf(serverSettings.entrySet()), StandardOpenOption.APPEND);
        }
    }

    private void createPrivateHome() throws IOException {
        if (!Files.isDirectory(home)) {
            Files.createDirectories(home.getParent());
            Files.createDirectory(home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
    }

    private int start() {
        awaitOldServerGone();
        int port = freePort();
        tools.run(List.of(tools.tool("pg_ctl").toString(), "-D", dataDir().toString(), "-l", logFile().toString(),
                "-o", "-p " + port, "-w", "-t", "60", "start"), "start the embedded PostgreSQL", null);
        return postmaster().map(Postmaster::port).orElseThrow(() -> new EmbeddedPostgresException(
                "the embedded PostgreSQL did not start; see " + logFile()));
    }

    /**
     * A pid file left behind is cleared once nothing of its server is left: the postmaster gone (or a zombie, or
     * the pid reused by an unrelated process) and no old backend still attached to its shared memory. Until then
     * starting would fail or, worse, corrupt the cluster, so we wait, within a bound.
     */
    private void awaitOldServerGone() {
        Path pidFile = dataDir().resolve("postmaster.pid");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(OLD_SERVER_WAIT_SECONDS);
        while (Files.exists(pidFile)) {
            Optional<Postmaster> old = Postmaster.read(dataDir());
            if (old.isEmpty() || (!old.get().servesCluster(dataDir()) && !old.get().sharedMemoryInUse())) {
                try {
                    Files.deleteIfExists(pidFile);
                } catch (IOException e) {
                    throw new EmbeddedPostgresException("could not remove the stale " + pidFile + ": " + e.getMessage(), e);
                }
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new EmbeddedPostgresException("the embedded PostgreSQL's previous server (pid " + old.get().pid()
                        + ") has not ended after " + OLD_SERVER_WAIT_SECONDS + " s; wait for it to end (or stop it), then run the command again");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmbeddedPostgresException("interrupted while waiting for the previous embedded PostgreSQL to end", e);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(ClusterSecurity.LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new EmbeddedPostgresException("no free local port for the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private interface Locked<T> {
        T run();
    }

    private <T> T withLock(Locked<T> action) {
        synchronized (IN_PROCESS_LOCK) {
            try {
                Files.createDirectories(home);
                try (FileChannel channel = FileChannel.open(home.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = channel.lock()) {
                    return action.run();
                }
            } catch (IOException e) {
                throw new EmbeddedPostgresException("could not lock " + home + ": " + e.getMessage(), e);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
