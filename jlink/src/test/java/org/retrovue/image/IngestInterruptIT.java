package org.retrovue.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * {@code source ingest} stopped by SIGINT without a terminal ({@code kill -INT} from a script), in a JVM of its own
 * and through the resident process's client: one {@code error:} line that says so, exit 130, and the collection's
 * last ingest recorded as {@code interrupted}. The signal is sent once the ingest is certainly in its scan: a Plex
 * stand-in that never answers the request for the library's items has received it.
 */
class IngestInterruptIT {
    private static final String MESSAGE = "error: ingest interrupted; what was committed stays, and the next ingest finishes the job";

    private static Path image;
    private static Path dataDir;
    private static HttpServer plex;
    private static ExecutorService handlers;
    private static final CountDownLatch RELEASE = new CountDownLatch(1);
    private static volatile CountDownLatch listing = new CountDownLatch(1);

    @BeforeAll
    static void start() throws Exception {
        image = Path.of(System.getProperty("retrovue.image", "target/retrovue")).toAbsolutePath();
        Path work = Path.of(System.getProperty("retrovue.test.workdir", "target/smoke-work")).toAbsolutePath().resolve("interrupt-" + UUID.randomUUID());
        dataDir = work.resolve("data");
        Path media = Files.createDirectories(work.resolve("media/movies"));
        handlers = Executors.newCachedThreadPool();
        plex = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        plex.setExecutor(handlers);
        plex.createContext("/identity", exchange -> ImageProcess.answerJson(exchange, "{\"MediaContainer\":{\"size\":0,\"machineIdentifier\":\"interrupt-test\"}}"));
        plex.createContext("/library/sections", exchange -> {
            if (exchange.getRequestURI().getPath().endsWith("/all")) {
                listing.countDown();
                awaitRelease(); // never answers while a test runs: the ingest waits in its scan until interrupted
                exchange.close();
                return;
            }
            ImageProcess.answerJson(exchange, "{\"MediaContainer\":{\"size\":1,\"Directory\":[{\"key\":\"1\",\"title\":\"Movies\",\"type\":\"movie\","
                    + "\"Location\":[{\"id\":1,\"path\":\"" + media + "\"}]}]}}");
        });
        plex.start();
        String url = "http://127.0.0.1:" + plex.getAddress().getPort();
        Run added = run(Map.of(), "source", "add", "--type", "plex", "--name", "Held", "--base-url", url, "--token", "t0ken", "--read-timeout", "600");
        assertEquals(0, added.code(), added.toString());
        assertEquals(0, run(Map.of(), "source", "enable", "Held/Movies").code());
    }

    @AfterAll
    static void stop() throws Exception {
        RELEASE.countDown();
        if (plex != null) {
            plex.stop(0);
            handlers.shutdownNow();
        }
        run(Map.of(), "db", "stop");
    }

    @Test
    void inAJvmOfItsOwnItSaysSoExits130AndRecordsTheCollectionInterrupted() throws Exception {
        Run interrupted = interruptedIngest(Map.of("RETROVUE_RESIDENT", "off"));
        assertEquals(130, interrupted.code(), interrupted.toString());
        assertEquals(List.of(MESSAGE), interrupted.err().lines().toList(), interrupted.toString());
        assertEquals("", interrupted.out());
        assertEquals("interrupted", lastIngest().get("outcome").asText());
    }

    @Test
    void throughTheResidentProcessItSaysTheSame() throws Exception {
        assertEquals(0, run(Map.of("RETROVUE_RESIDENT", "on"), "source", "list").code()); // runs here, then starts the resident process
        awaitResident();
        JsonNode before = lastIngest();
        Run interrupted = interruptedIngest(Map.of("RETROVUE_RESIDENT", "only")); // fails rather than run in a JVM of its own
        assertEquals(130, interrupted.code(), interrupted.toString());
        assertEquals(List.of(MESSAGE), interrupted.err().lines().toList(), interrupted.toString());
        JsonNode after = lastIngest();
        assertEquals("interrupted", after.get("outcome").asText());
        assertTrue(before == null || !before.get("at").equals(after.get("at")), "recorded by this ingest: " + before + " " + after);
        assertEquals(0, run(Map.of(), "db", "stop").code());
    }

    /** Starts {@code source ingest}, waits until it asks for the library's items, sends SIGINT, and waits for its end. */
    private static Run interruptedIngest(Map<String, String> env) throws Exception {
        assumeTrue(!sigintIgnored(), "SIGINT is ignored in this test run (a background job of a script), and so in the processes it starts");
        listing = new CountDownLatch(1);
        List<String> command = new ArrayList<>(List.of(image.resolve("bin/retrovue").toString(), "source", "ingest"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().remove("RETROVUE_DATABASE_URL");
        builder.environment().put("RETROVUE_DATA_DIR", dataDir.toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> ImageProcess.read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> ImageProcess.read(process.getErrorStream()));
        assertTrue(listing.await(120, TimeUnit.SECONDS), "the ingest asked for the library's items; stderr so far: "
                + (process.isAlive() ? "(running)" : err.get()));
        assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the interrupted ingest ended");
        return new Run(process.exitValue(), out.get(30, TimeUnit.SECONDS), err.get(30, TimeUnit.SECONDS));
    }

    private static JsonNode lastIngest() throws Exception {
        Run shown = run(Map.of("RETROVUE_RESIDENT", "off"), "source", "collections", "Held", "--json");
        assertEquals(0, shown.code(), shown.toString());
        JsonNode last = shown.json().get(0).get("last_ingest");
        return last.isNull() ? null : last;
    }

    /** Whether this JVM was started with SIGINT ignored (bit 2 of SigIgn), which the processes it starts inherit. */
    private static boolean sigintIgnored() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16) & 0b10) != 0;
            }
        }
        return false;
    }

    private static void awaitResident() throws Exception {
        Path state = dataDir.resolve("resident/state");
        for (int i = 0; i < 300 && !(Files.exists(state) && Files.readString(state).strip().split(" ").length == 6); i++) {
            Thread.sleep(50); // polls for the file the resident process writes once it listens (as ResidentProcessIT does)
        }
        assertTrue(Files.exists(state), "a resident process started");
    }

    private static void awaitRelease() {
        try {
            RELEASE.await(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Run run(Map<String, String> env, String... args) throws Exception {
        return ImageProcess.run(image, dataDir, env, List.of(), "", args); // resident off unless env says otherwise
    }
}
