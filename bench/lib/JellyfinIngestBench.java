import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.retrovue.fakejellyfin.Dialect;
import org.retrovue.fakejellyfin.FakeJellyfinServer;
import org.retrovue.fakejellyfin.Library;

/**
 * bench/jellyfin-ingest: the Jellyfin test server in this process (2 show libraries of 25,000 episodes, 50 ms per
 * request), and the runtime image ingesting it: a full sync, a rescan with no change, and one after 100 items
 * changed, counting requests. The key reaches the program through RETROVUE_JELLYFIN_API_KEY, as an operator's would.
 * The test server lists both libraries once before the timings (see warmUp).
 *   java -p fake-jellyfin.jar --add-modules org.retrovue.fakejellyfin JellyfinIngestBench.java IMAGE WORKDIR [--dialect D] [--concurrency N] [--page-size N]
 */
public final class JellyfinIngestBench {
    public static void main(String[] args) throws Exception {
        Path image = Path.of(args[0]);
        Path work = Path.of(args[1]);
        Dialect dialect = Dialect.JELLYFIN;
        List<String> options = new ArrayList<>();
        for (int i = 2; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--dialect" -> dialect = Dialect.of(args[i + 1]);
                case "--concurrency", "--page-size" -> options.addAll(List.of(args[i], args[i + 1]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String type = dialect == Dialect.EMBY ? "emby" : "jellyfin";
        int perLibrary = 25_000;
        try (FakeJellyfinServer server = FakeJellyfinServer.builder().dialect(dialect).apiKey("bench-api-key").latency(Duration.ofMillis(50))
                .library(Library.Type.TVSHOWS, "Shows A", perLibrary, "/data/a")
                .library(Library.Type.TVSHOWS, "Shows B", perLibrary, "/data/b")
                .build().start()) {
            Files.createDirectories(work.resolve("nas/a"));
            Files.createDirectories(work.resolve("nas/b"));
            List<String> add = new ArrayList<>(List.of("source", "add", "--type", type, "--name", "Bench", "--base-url", server.baseUrl()));
            add.addAll(options);
            retrovue(image, add.toArray(String[]::new));
            retrovue(image, "source", "mapping", "add", "Bench/Shows A", "/data/a", work.resolve("nas/a").toString());
            retrovue(image, "source", "mapping", "add", "Bench/Shows B", "/data/b", work.resolve("nas/b").toString());
            retrovue(image, "source", "enable", "Bench/Shows A");
            retrovue(image, "source", "enable", "Bench/Shows B");

            List<Long> warm = new ArrayList<>(); // until its JIT is done: a server that has been running is warm
            for (int i = 0; i < 3; i++) {
                warm.add(warmUp(server));
            }

            long before = server.requestCount();
            long full = timed(image, "source", "ingest", "Bench");
            long fullRequests = server.requestCount() - before;
            before = server.requestCount();
            long rescan = timed(image, "source", "ingest", "Bench");
            long rescanRequests = server.requestCount() - before;
            server.catalog().touchItems(server.catalog().libraries().getFirst().itemId(), 0, 100);
            before = server.requestCount();
            long touched = timed(image, "source", "ingest", "Bench");
            long touchedRequests = server.requestCount() - before;

            System.out.printf("%s ingest, %,d episodes in 2 libraries, 50 ms per request (%d cores), -Xmx256m %s%n", type, 2 * perLibrary,
                    Runtime.getRuntime().availableProcessors(), String.join(" ", options));
            System.out.printf("  (the test server warmed up first: three listings of both libraries, %s ms, not counted)%n", warm.stream().map(w -> String.format("%,d", w)).collect(java.util.stream.Collectors.joining(" / ")));
            System.out.printf("  full sync:          %,6d ms, %d requests   (target <= 4,000 ms)%n", full, fullRequests);
            System.out.printf("  no-change rescan:   %,6d ms, %d requests   (target <= 2,000 ms)%n", rescan, rescanRequests);
            System.out.printf("  100 items touched:  %,6d ms, %d requests   (100 rows rewritten)%n", touched, touchedRequests);
        }
    }

    /**
     * Has the test server list both libraries once, as a real server that has been running would be warm: in a
     * fresh JVM its first 50,000 items cost seconds of JIT compiling that say nothing about RetroVue.
     */
    private static long warmUp(FakeJellyfinServer server) throws IOException, InterruptedException {
        long start = System.nanoTime();
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        for (var library : server.catalog().libraries()) {
            for (int page = 0; page * 1000 < library.itemCount(); page++) {
                java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/Items?ParentId="
                        + library.itemId() + "&Recursive=true&IncludeItemTypes=Movie,Episode&Fields=Path,MediaSources,Etag,DateCreated,ProviderIds"
                        + "&StartIndex=" + page * 1000 + "&Limit=1000")).header("Authorization", "MediaBrowser Token=\"" + server.apiKey() + "\"")
                        .header("X-Emby-Token", server.apiKey()).build();
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
        builder.environment().put("RETROVUE_JELLYFIN_API_KEY", "bench-api-key");
        builder.environment().put("RETROVUE_EMBY_API_KEY", "bench-api-key");
        int code = builder.start().waitFor();
        if (code != 0) {
            throw new IllegalStateException("retrovue " + String.join(" ", args) + " exited " + code);
        }
    }
}
