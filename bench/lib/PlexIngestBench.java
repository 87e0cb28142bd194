import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.retrovue.fakeplex.FakePlexServer;
import org.retrovue.fakeplex.Library;

/**
 * The Plex half of bench/ingest: the Plex test server in this process (2 show libraries of 25,000 episodes, 50 ms
 * per request), and the runtime image ingesting it: a full sync, then a rescan with no change, counting requests.
 *   java -p fake-plex.jar --add-modules org.retrovue.fakeplex PlexIngestBench.java IMAGE WORKDIR
 */
public final class PlexIngestBench {
    public static void main(String[] args) throws Exception {
        Path image = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int perLibrary = 25_000;
        try (FakePlexServer plex = FakePlexServer.builder().token("bench-token").latency(Duration.ofMillis(50))
                .library(Library.Type.SHOW, "Shows A", perLibrary, "/data/a")
                .library(Library.Type.SHOW, "Shows B", perLibrary, "/data/b")
                .build().start()) {
            Files.createDirectories(work.resolve("nas/a"));
            Files.createDirectories(work.resolve("nas/b"));
            retrovue(image, "source", "add", "--type", "plex", "--name", "Bench Plex", "--base-url", plex.baseUrl(), "--token", plex.token());
            retrovue(image, "source", "mapping", "add", "Bench Plex/Shows A", "/data/a", work.resolve("nas/a").toString());
            retrovue(image, "source", "mapping", "add", "Bench Plex/Shows B", "/data/b", work.resolve("nas/b").toString());
            retrovue(image, "source", "enable", "Bench Plex/Shows A");
            retrovue(image, "source", "enable", "Bench Plex/Shows B");

            long before = plex.requestCount();
            long full = timed(image, "source", "ingest", "Bench Plex");
            long fullRequests = plex.requestCount() - before;
            before = plex.requestCount();
            long rescan = timed(image, "source", "ingest", "Bench Plex");
            long rescanRequests = plex.requestCount() - before;
            plex.catalog().touchItems(plex.catalog().libraries().getFirst().key(), 0, 100);
            before = plex.requestCount();
            long touched = timed(image, "source", "ingest", "Bench Plex");
            long touchedRequests = plex.requestCount() - before;

            System.out.printf("plex ingest, %,d episodes in 2 libraries, 50 ms per request (%d cores), -Xmx256m%n", 2 * perLibrary,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("  full sync:          %,6d ms, %d requests   (targets <= 10,000 ms, <= 60 requests)%n", full, fullRequests);
            System.out.printf("  no-change rescan:   %,6d ms, %d requests   (target <= 2,000 ms)%n", rescan, rescanRequests);
            System.out.printf("  100 items touched:  %,6d ms, %d requests   (the library is listed again; 100 rows rewritten)%n", touched, touchedRequests);
        }
    }

    private static long timed(Path image, String... args) throws IOException, InterruptedException {
        long start = System.nanoTime();
        retrovue(image, args);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void retrovue(Path image, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(image.resolve("bin/retrovue").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("RETROVUE_JAVA_OPTS", "-Xmx256m");
        int code = builder.start().waitFor();
        if (code != 0) {
            throw new IllegalStateException("retrovue " + String.join(" ", args) + " exited " + code);
        }
    }
}
