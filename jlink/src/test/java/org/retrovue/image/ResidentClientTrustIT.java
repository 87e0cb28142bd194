package org.retrovue.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.retrovue.image.ImageProcess.Run;

/**
 * What {@code bin/retrovue} trusts before it hands a command, and its environment, to a resident process
 * (docs/adr/0008): a state file and folder of its own user that no one else can write, naming a live process of that
 * user which holds the socket listening on the port itself; and what it then sends: no database password, no URL.
 * A listener in this test JVM plays the resident process (this JVM is a live process of ours and holds the socket,
 * so a state file naming it checks out); each forgery changes one thing and must get nothing.
 */
class ResidentClientTrustIT {
    private static final Map<String, String> ENV = Map.of("RETROVUE_RESIDENT", "only",
            "RETROVUE_DATABASE_URL", "jdbc:postgresql://127.0.0.1:9/retrovue?password=url-secret-42",
            "RETROVUE_DATABASE_USER", "operator", "RETROVUE_DATABASE_PASSWORD", "hunter2\\with a backslash\nand a newline");
    private static final List<String> NAMES = List.of("RETROVUE_DATABASE_URL", "RETROVUE_DATABASE_USER", "RETROVUE_DATABASE_PASSWORD",
            "RETROVUE_PLUGIN_PATH", "RETROVUE_JAVA_OPTS", "RETROVUE_SECRET_KEY", "RETROVUE_FFPROBE", "RETROVUE_FFMPEG");

    private static Path image;
    private static Path work;
    private static String build;
    private static ServerSocket listener;
    private static String listenerFd;
    private static Process sleeper;

    @BeforeAll
    static void start() throws Exception {
        image = Path.of(System.getProperty("retrovue.image", "target/retrovue")).toAbsolutePath();
        work = Path.of(System.getProperty("retrovue.test.workdir", "target/smoke-work")).toAbsolutePath().resolve("trust-" + UUID.randomUUID());
        Files.createDirectories(work);
        build = Files.readAllLines(image.resolve("bin/retrovue")).stream().filter(l -> l.startsWith("build="))
                .findFirst().orElseThrow().substring("build=".length());
        listener = new ServerSocket(0, 8, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
        listenerFd = fdOf(listener.getLocalPort());
        sleeper = new ProcessBuilder("sleep", "300").start(); // a live process of ours that holds no socket
    }

    @AfterAll
    static void stop() throws IOException {
        listener.close();
        sleeper.destroy();
    }

    @Test
    void aStateFileThatChecksOutIsUsedAndItsRequestHoldsNoPasswordNorUrl() throws Exception {
        Path data = forged("good", files -> { });
        CompletableFuture<Run> client = CompletableFuture.supplyAsync(() -> run(data));
        listener.setSoTimeout(20_000);
        String received;
        try (Socket first = listener.accept(); Socket second = listener.accept()) {
            received = readFor(first) + "|" + readFor(second);
        }
        Run run = client.get(60, TimeUnit.SECONDS);
        assertEquals(1, run.code(), run.toString());
        assertTrue(run.err().contains("it did not answer"), run.err()); // this listener never answers
        assertTrue(received.contains("RV2\0secret-good\0"), received);
        assertTrue(received.contains("\0run\0" + build + "\0" + data + "\0"), received);
        assertTrue(received.contains("\0" + "2\0source\0list\0"), received);
        assertFalse(received.contains("hunter2"), "no password on the wire: " + received);
        assertFalse(received.contains("url-secret-42"), "no URL (which may hold a password) on the wire: " + received);
        assertFalse(received.contains(digest("secret-good")), "no digest either: " + received);
    }

    @Test
    void aStateFileOthersCouldHaveWrittenOrThatNamesAProcessWithoutTheSocketGetsNothing() throws Exception {
        Map<String, Consumer<Path>> forgeries = new LinkedHashMap<>();
        forgeries.put("its folder writable by the group", dir -> chmod(dir, "rwxrwx---"));
        forgeries.put("its folder open to others", dir -> chmod(dir, "rwx---r-x"));
        forgeries.put("the file writable by the group", dir -> chmod(dir.resolve("state"), "rw--w----"));
        forgeries.put("the file writable by others", dir -> chmod(dir.resolve("state"), "rw-----w-"));
        forgeries.put("the file a link to a good one", dir -> relink(dir.resolve("state")));
        if (isRoot()) {
            forgeries.put("the file another user's", dir -> chown(dir.resolve("state"), "nobody"));
            forgeries.put("its folder another user's", dir -> chown(dir, "nobody"));
        }
        Map<String, String> reasons = new HashMap<>();
        for (var forgery : forgeries.entrySet()) {
            Path data = forged(forgery.getKey().replace(' ', '-'), forgery.getValue());
            Run run = run(data);
            reasons.put(forgery.getKey(), run.err());
            assertEquals(1, run.code(), forgery.getKey() + ": " + run);
            assertTrue(run.err().startsWith("error: no resident RetroVue process served this command (its state file is not yours alone"),
                    forgery.getKey() + ": " + run.err());
            assertNothingConnected(forgery.getKey());
        }

        // a live process of ours, but not the one that listens: the pid of `sleep`, or a pid no process has
        Path data = forged("sleeper", dir -> { });
        rewriteState(data, "pid-of-sleep", sleeper.pid());
        Run run = run(data);
        assertEquals(1, run.code(), run.toString());
        assertTrue(run.err().contains("(its process does not hold its port)"), run.err());
        assertNothingConnected("the pid of sleep");

        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        rewriteState(data, "a gone pid", gone.pid());
        run = run(data);
        assertTrue(run.err().contains("(it is not running)"), run.err());
        assertNothingConnected("a gone pid");
    }

    @Test
    void aStateFileOfTheSameProcessForAnotherEnvironmentGetsNothing() throws Exception {
        Path data = forged("other-env", dir -> { });
        Map<String, String> env = new HashMap<>(ENV);
        env.put("RETROVUE_DATABASE_PASSWORD", "not the one it serves");
        Run run = ImageProcess.run(image, data, env, List.of(), "", "source", "list");
        assertEquals(1, run.code(), run.toString());
        assertTrue(run.err().contains("(another environment)"), run.err());
        assertNothingConnected("another password");
    }

    @Test
    void theResidentProcessDoesNotStartInAFolderOthersCanEnterOrWrite() throws Exception {
        Path data = work.resolve("open-folder");
        Path dir = Files.createDirectories(data.resolve("resident"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwx---"));
        ProcessBuilder builder = new ProcessBuilder(image.resolve("bin/java").toString(), "-Dretrovue.home=" + image, "-Dretrovue.build=" + build,
                "-Dretrovue.resident.serve=true", "-Dretrovue.resident.idle-seconds=2", "-m", "org.retrovue.launcher/org.retrovue.launcher.Main");
        builder.environment().put("RETROVUE_DATA_DIR", data.toString());
        builder.environment().remove("RETROVUE_DATABASE_URL");
        builder.redirectErrorStream(true);
        Process resident = builder.start();
        String log = new String(resident.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(resident.waitFor(60, TimeUnit.SECONDS));
        assertTrue(log.contains("not started: " + dir + " is not a folder of this user that only it can enter"), log);
        assertFalse(Files.exists(dir.resolve("state")), "its secret was not written where others can read it");
    }

    /** A data directory whose resident/state checks out (then changed by {@code forgery}, given the resident folder). */
    private static Path forged(String name, Consumer<Path> forgery) throws IOException {
        Path data = work.resolve(name);
        Path dir = Files.createDirectories(data).resolve("resident");
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path state = Files.createFile(dir.resolve("state"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        String secret = "secret-" + name;
        Files.writeString(state, listener.getLocalPort() + " " + secret + " " + build + " " + ProcessHandle.current().pid() + " " + listenerFd + " "
                + digest(secret) + "\n");
        forgery.accept(dir);
        return data;
    }

    private static void rewriteState(Path data, String name, long pid) throws IOException {
        Path state = data.resolve("resident/state");
        String[] parts = Files.readString(state).strip().split(" ");
        parts[3] = Long.toString(pid);
        Files.writeString(state, String.join(" ", parts) + "\n");
    }

    private static Run run(Path data) {
        try {
            return ImageProcess.run(image, data, ENV, List.of(), "", "source", "list");
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertNothingConnected(String why) throws IOException {
        listener.setSoTimeout(300); // the client has ended: a connection it made would be waiting already
        assertThrows(SocketTimeoutException.class, () -> listener.accept().close(), why + ": the listener got a connection");
    }

    /** What a connection sends until it has been quiet for half a second (the client waits for an answer meanwhile). */
    private static String readFor(Socket socket) throws IOException {
        socket.setSoTimeout(500);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                bytes.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException quiet) {
            // all it sends before it waits
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The digest bin/retrovue computes of ENV with this secret (docs/adr/0008; EnvironmentDigest in the launcher). */
    private static String digest(String secret) {
        StringBuilder text = new StringBuilder(secret).append('\n');
        for (String name : NAMES) {
            text.append(ENV.getOrDefault(name, "").replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This JVM's file descriptor of the socket listening on 127.0.0.1:PORT, as the resident process finds its own. */
    private static String fdOf(int port) throws IOException {
        String local = String.format(Locale.ROOT, "0100007F:%04X", port);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(Path.of("/proc/net/tcp")));
        if (Files.isReadable(Path.of("/proc/net/tcp6"))) {
            lines.addAll(Files.readAllLines(Path.of("/proc/net/tcp6")));
        }
        String inode = lines.stream().map(l -> l.strip().split("\\s+"))
                .filter(f -> f.length > 9 && f[1].endsWith(local) && f[3].equals("0A")).map(f -> f[9]).findFirst().orElseThrow();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    if (Files.readSymbolicLink(fd).toString().equals("socket:[" + inode + "]")) {
                        return fd.getFileName().toString();
                    }
                } catch (IOException ignored) {
                    // closed meanwhile
                }
            }
        }
        throw new AssertionError("no descriptor for socket " + inode);
    }

    private static boolean isRoot() throws IOException {
        return Files.getOwner(Path.of("/proc/self/")).getName().equals("root");
    }

    private static void chmod(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void chown(Path path, String user) {
        try {
            UserPrincipal owner = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
            Files.setOwner(path, owner);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Moves the state file away (to a folder of ours) and puts a link to it in its place. */
    private static void relink(Path state) {
        try {
            Path elsewhere = Files.createTempDirectory(work, "elsewhere").resolve("state");
            Files.move(state, elsewhere);
            Files.createSymbolicLink(state, elsewhere);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
