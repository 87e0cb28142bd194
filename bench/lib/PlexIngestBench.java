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
 *   java -p fake-plex.jar --add-modules org.retrovue.fakeplex PlexIngestBench.java IMAGE WORKDIR [--concurrency N] [--page-size N]
 */
public final class PlexIngestBench {
    public static void main(String[] args) throws Exception {
        Path image = Path.of(args[0]);
        Path work = Path.of(args[1]);
        List<String> options = new ArrayList<>();
        for (int i = 2; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--concurrency", "--page-size" -> options.addAll(List.of(args[i], args[i + 1]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        int perLibrary = 25_000;
        try (FakePlexServer plex = FakePlexServer.builder().token("bench-token").latency(Duration.ofMillis(50))
                .library(Library.Type.SHOW, "Shows A", perLibrary, "/data/a")
                .library(Library.Type.SHOW, "Shows B", perLibrary, "/data/b")
                .build().start()) {
            Files.createDirectories(work.resolve("nas/a"));
            Files.createDirectories(work.resolve("nas/b"));
            List<String> add = new ArrayList<>(List.of("source", "add", "--type", "plex", "--name", "Bench Plex", "--base-url", plex.baseUrl(),
                    "--token", plex.token()));
            add.addAll(options);
            retrovue(image, add.toArray(String[]::new));
            retrovue(image, "source", "mapping", "add", "Bench Plex/Shows A", "/data/a", work.resolve("nas/a").toString());
            retrovue(image, "source", "mapping", "add", "Bench Plex/Shows B", "/data/b", work.resolve("nas/b").toString());
            retrovue(image, "source", "enable", "Bench Plex/Shows A");
            retrovue(image, "source", "enable", "Bench Plex/Shows B");

            List<Long> warm = new ArrayList<>(); // until its JIT is done: a server that has been running is warm
            for (int i = 0; i < 3; i++) {
                warm.add(warmUp(plex));
            }
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

            System.out.printf("plex ingest, %,d episodes in 2 libraries, 50 ms per request (%d cores), -Xmx256m %s%n", 2 * perLibrary,
                    Runtime.getRuntime().availableProcessors(), String.join(" ", options));
            System.out.printf("  (the test server warmed up first: three listings of both libraries, %s ms, not counted)%n", warm.stream().map(w -> String.format("%,d", w)).collect(java.util.stream.Collectors.joining(" / ")));
            System.out.printf("  full sync:          %,6d ms, %d requests   (targets <= 4,000 ms, <= 60 requests)%n", full, fullRequests);
            System.out.printf("  no-change rescan:   %,6d ms, %d requests   (target <= 2,000 ms)%n", rescan, rescanRequests);
            System.out.printf("  100 items touched:  %,6d ms, %d requests   (the library is listed again; 100 rows rewritten)%n", touched, touchedRequests);
        }
    }

    /**
     * Has the test server list both libraries once, as a real server that has been running would be warm: in a
     * fresh JVM its first 50,000 items cost seconds of JIT compiling that say nothing about RetroVue.
     */
    private static long warmUp(FakePlexServer plex) throws IOException, InterruptedException {
        long start = System.nanoTime();
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        for (var library : plex.catalog().libraries()) {
            for (int page = 0; page * 1000 < library.itemCount(); page++) {
                java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(plex.baseUrl() + "/library/sections/"
                        + library.key() + "/all?type=4&includeGuids=1&X-Plex-Container-Start=" + page * 1000 + "&X-Plex-Container-Size=1000"))
                        .header("Accept", "application/json").header("X-Plex-Token", plex.token()).build();
                http.send(request, java.net.http.HttpResponse.BodyHandlers.discarding());
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
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
