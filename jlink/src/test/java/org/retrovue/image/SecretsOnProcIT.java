package org.retrovue.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.retrovue.image.ImageProcess.Run;

/**
 * What another local user can read of a running command ({@code /proc/PID/cmdline}) and what the processes keep in
 * {@code /proc/PID/environ}: {@code source add --token-file} is read while the command waits on a Plex stand-in that
 * holds its answer until the test has looked; the resident process is read once it runs.
 */
class SecretsOnProcIT {
    private static final String TOKEN = "proc-token-" + UUID.randomUUID();

    private static Path image;
    private static Path work;
    private static Path dataDir;
    private static HttpServer plex;
    private static ExecutorService handlers;
    private static volatile CountDownLatch asked = new CountDownLatch(1);
    private static volatile CountDownLatch looked = new CountDownLatch(1);

    @BeforeAll
    static void start() throws Exception {
        image = Path.of(System.getProperty("retrovue.image", "target/retrovue")).toAbsolutePath();
        work = Path.of(System.getProperty("retrovue.test.workdir", "target/smoke-work")).toAbsolutePath().resolve("secrets-" + UUID.randomUUID());
        dataDir = work.resolve("data");
        Path media = Files.createDirectories(work.resolve("media/movies"));
        handlers = Executors.newCachedThreadPool();
        plex = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        plex.setExecutor(handlers);
        plex.createContext("/identity", exchange -> {
            asked.countDown();
            await(looked); // the command waits here while the test reads its /proc
            answer(exchange, TOKEN.equals(exchange.getRequestHeaders().getFirst("X-Plex-Token"))
                    ? "{\"MediaContainer\":{\"size\":0,\"machineIdentifier\":\"secrets-test\"}}" : null);
        });
        plex.createContext("/library/sections", exchange -> answer(exchange, "{\"MediaContainer\":{\"size\":1,\"Directory\":[{\"key\":\"1\","
                + "\"title\":\"Movies\",\"type\":\"movie\",\"Location\":[{\"id\":1,\"path\":\"" + media + "\"}]}]}}"));
        plex.start();
    }

    @AfterAll
    static void stop() throws Exception {
        looked.countDown();
        if (plex != null) {
            plex.stop(0);
            handlers.shutdownNow();
        }
        run(Map.of(), "db", "stop");
    }

    @Test
    void aTokenFromAFileIsNeitherOnTheCommandLineNorInTheEnvironmentOfTheRunningCommand() throws Exception {
        Path file = work.resolve("token");
        Files.writeString(file, TOKEN + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        String url = "http://127.0.0.1:" + plex.getAddress().getPort();
        asked = new CountDownLatch(1);
        looked = new CountDownLatch(1);
        ProcessBuilder builder = new ProcessBuilder(image.resolve("bin/retrovue").toString(), "source", "add", "--type", "plex", "--name", "P",
                "--base-url", url, "--token-file", file.toString()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().remove("RETROVUE_DATABASE_URL");
        builder.environment().put("RETROVUE_DATA_DIR", dataDir.toString());
        builder.environment().put("RETROVUE_RESIDENT", "off");
        Process process = builder.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> ImageProcess.read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> ImageProcess.read(process.getErrorStream()));
        assertTrue(asked.await(120, TimeUnit.SECONDS), "the command asked the server who it is; stderr: " + (process.isAlive() ? "(running)" : err.get()));
        String cmdline = proc(process.pid(), "cmdline");
        String environ = proc(process.pid(), "environ");
        looked.countDown();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        Run added = new Run(process.exitValue(), out.get(), err.get());
        assertEquals(0, added.code(), added.toString());
        assertTrue(cmdline.contains("--token-file " + file), "the JVM (bin/retrovue execs it) has the file's name: " + cmdline);
        assertFalse(cmdline.contains(TOKEN), cmdline);
        assertFalse(environ.contains(TOKEN), "not in the environment either");
    }

    @Test
    void theResidentProcessKeepsOnlyTheEnvironmentItNeeds() throws Exception {
        Map<String, String> env = Map.of("RETROVUE_RESIDENT", "on", "SOME_OTHER_SECRET", "x-" + TOKEN, "RETROVUE_PLEX_TOKEN", TOKEN);
        assertEquals(0, run(env, "source", "list").code()); // runs here, then starts the resident process
        Path state = dataDir.resolve("resident/state");
        for (int i = 0; i < 600 && !(Files.exists(state) && Files.readString(state).strip().split(" ").length == 6); i++) {
            Thread.sleep(50); // polls for the file the resident process writes once it listens (as ResidentProcessIT does)
        }
        long pid = Long.parseLong(Files.readString(state).strip().split(" ")[3]);
        String environ = proc(pid, "environ");
        assertTrue(environ.contains("RETROVUE_DATA_DIR=" + dataDir), environ);
        assertFalse(environ.contains("SOME_OTHER_SECRET") || environ.contains(TOKEN), environ);
        Run served = run(Map.of("RETROVUE_RESIDENT", "only"), "source", "list");
        assertEquals(0, served.code(), "it still serves this environment: " + served);
        assertEquals(0, run(Map.of(), "db", "stop").code());
    }

    /** {@code /proc/PID/NAME} with its NUL separators as spaces. */
    private static String proc(long pid, String name) throws IOException {
        return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), name)), StandardCharsets.UTF_8).replace('\0', ' ');
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        if (json == null) {
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
            return;
        }
        ImageProcess.answerJson(exchange, json);
    }

    private static Run run(Map<String, String> env, String... args) throws Exception {
        return ImageProcess.run(image, dataDir, env, List.of(), "", args); // resident off unless env says otherwise
    }
}
