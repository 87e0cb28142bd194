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
import java.util.ArrayList;
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
    private static final String LOOPBACK = "127.0.0.1";
    private static final Object IN_PROCESS_LOCK = new Object();

    private final Path home;
    private final Path binaries;
    private final Map<String, String> serverSettings;

    private EmbeddedPostgres(Path home, Path binariesRoot, Map<String, String> serverSettings) {
        this.home = home.toAbsolutePath().normalize();
        this.binaries = binariesRoot.toAbsolutePath().normalize().resolve(bundledVersion());
        this.serverSettings = Map.copyOf(serverSettings);
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
     * exists; a running server is trusted to have it, so the common path only reads the pid and password files.
     */
    public Endpoint ensureRunning(String database) {
        OptionalInt port = runningPort();
        if (port.isPresent()) {
            return endpoint(port.getAsInt());
        }
        return withLock(() -> {
            OptionalInt again = runningPort();
            if (again.isPresent()) {
                return endpoint(again.getAsInt());
            }
            unpackBinaries();
            boolean fresh = !isInitialised();
            if (fresh) {
                initialise();
            }
            int startedOn = start();
            if (fresh) {
                requirePassword(endpoint(startedOn));
            }
            Endpoint ready = endpoint(startedOn); // with the password requirePassword may just have set
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
                create.execute("create database \"" + name.replace("\"", "\"\"") + "\"");
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
        Optional<PostmasterPid> pid = postmaster();
        boolean running = pid.isPresent();
        return new ServerStatus(home, bundledVersion(), isInitialised(), running,
                running ? OptionalLong.of(pid.get().pid()) : OptionalLong.empty(),
                running ? OptionalInt.of(pid.get().port()) : OptionalInt.empty());
    }

    /** Stops the server; returns whether it was running. */
    public boolean stop() {
        return withLock(() -> {
            Optional<PostmasterPid> pid = postmaster();
            if (pid.isEmpty()) {
                return false;
            }
            run(List.of(tool("pg_ctl").toString(), "-D", dataDir().toString(), "-m", "fast", "-w", "-t", "60", "stop"),
                    "stop the embedded PostgreSQL");
            return true;
        });
    }

    private Path dataDir() {
        return home.resolve("data");
    }

    private boolean isInitialised() {
        return Files.isRegularFile(dataDir().resolve("PG_VERSION"));
    }

    private OptionalInt runningPort() {
        return postmaster().map(p -> OptionalInt.of(p.port())).orElse(OptionalInt.empty());
    }

    private record PostmasterPid(long pid, int port) {}

    /** The live postmaster of our cluster, if any; a stale pid file (crash, reboot, reused pid) counts as none. */
    private Optional<PostmasterPid> postmaster() {
        Path pidFile = dataDir().resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.size() < 4) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim());
            boolean alive = ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .flatMap(h -> h.info().command())
                    .map(command -> command.endsWith("postgres"))
                    .orElse(false);
            return alive ? Optional.of(new PostmasterPid(pid, port)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Endpoint endpoint(int port) {
        return new Endpoint(LOOPBACK, port, SUPERUSER, password());
    }

    private Path passwordFile() {
        return home.resolve("password");
    }

    /** The superuser's password; empty for a cluster initialised before passwords were set (it still trusts loopback). */
    private String password() {
        try {
            return Files.readString(passwordFile()).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Gives the superuser a random password (kept in {@code home/password}, readable by the owner only) and makes
     * the server require it. The password is long and random, so few SCRAM iterations keep connecting cheap
     * without weakening it; other local users can no longer reach the catalogue.
     */
    private void requirePassword(Endpoint trusted) {
        byte[] random = new byte[24];
        new java.security.SecureRandom().nextBytes(random);
        String password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            Path file = passwordFile();
            Files.deleteIfExists(file);
            Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            try (Connection c = DriverManager.getConnection(trusted.jdbcUrl("postgres"), trusted.user(), "");
                 Statement s = c.createStatement()) {
                s.execute("set scram_iterations = 16");
                s.execute("alter role " + SUPERUSER + " password '" + password + "'");
                Files.writeString(file, password);
                Files.writeString(dataDir().resolve("pg_hba.conf"),
                        "# RetroVue: loopback TCP only, with the password in ../password\n"
                                + "host all all 127.0.0.1/32 scram-sha-256\n"
                                + "host all all ::1/128 scram-sha-256\n");
                s.execute("select pg_reload_conf()");
            }
        } catch (IOException | SQLException e) {
            throw new EmbeddedPostgresException("could not set the embedded PostgreSQL's password: " + e.getMessage(), e);
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

    private void initialise() {
        try {
            deleteTree(dataDir());
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not prepare " + dataDir() + ": " + e.getMessage(), e);
        }
        run(List.of(tool("initdb").toString(), "-D", dataDir().toString(), "-U", SUPERUSER, "-A", "trust",
                "-E", "UTF8", "--locale=C", "--no-instructions"), "initialise the embedded PostgreSQL");
        StringBuilder conf = new StringBuilder("\n# RetroVue: loopback TCP only, no Unix socket\n")
                .append("listen_addresses = '").append(LOOPBACK).append("'\n")
                .append("unix_socket_directories = ''\n");
        serverSettings.forEach((k, v) -> conf.append(k).append(" = '").append(v).append("'\n"));
        try {
            Files.writeString(dataDir().resolve("postgresql.conf"), conf, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not configure " + dataDir() + ": " + e.getMessage(), e);
        }
    }

    private int start() {
        int port = freePort();
        run(List.of(tool("pg_ctl").toString(), "-D", dataDir().toString(), "-l", logFile().toString(),
                "-o", "-p " + port, "-w", "-t", "60", "start"), "start the embedded PostgreSQL");
        return runningPort().orElseThrow(() -> new EmbeddedPostgresException(
                "the embedded PostgreSQL did not start; see " + logFile()));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new EmbeddedPostgresException("no free local port for the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private Path tool(String name) {
        return binaries.resolve("bin").resolve(name);
    }

    /** Runs a server tool detached from our standard streams, as a non-root user when we are root. */
    private void run(List<String> command, String what) {
        List<String> full = new ArrayList<>();
        if (RootDetector.isRoot()) {
            full.add("unshare");
            full.add("-U");
        }
        full.addAll(command);
        Path toolLog = home.resolve("tools.log");
        try {
            Files.createDirectories(home);
            Process process = new ProcessBuilder(full)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(toolLog.toFile()))
                    .redirectErrorStream(true)
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new EmbeddedPostgresException("could not " + what + " within 120 s; see " + toolLog + " and " + logFile());
            }
            if (process.exitValue() != 0) {
                String hint = RootDetector.isRoot()
                        ? " (as root the server runs in a user namespace; where those are disabled run as a non-root user or set RETROVUE_DATABASE_URL)"
                        : "";
                throw new EmbeddedPostgresException("could not " + what + "; see " + toolLog + " and " + logFile() + hint);
            }
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedPostgresException("interrupted while trying to " + what, e);
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
