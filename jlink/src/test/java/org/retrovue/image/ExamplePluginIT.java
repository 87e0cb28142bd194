package org.retrovue.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.retrovue.image.ImageProcess.Run;

/**
 * The example plugin (examples/manifest, its own Maven project built against the SPI only) dropped into plugin
 * directories named by RETROVUE_PLUGIN_PATH of the unchanged image: once as a folder (a plugin with its jars),
 * once as a second copy claiming the same type, which is reported and skipped. Then the plugin's kind is used end
 * to end: its option as a flag, add, collections, ingest, assets. Then the pieces of SPI 1.2 to 1.5 as the example
 * uses them, against a manifest served by a real HTTP server on 127.0.0.1 that asks for a token: the secret from the
 * environment and from a file (never in output nor on a command line), discovery warnings, {@code source status},
 * change tokens and the server's ETag kept in the plugin's state directory, and its debug lines.
 */
class ExamplePluginIT {
    private static Path image;
    private static Path work;
    private static Path folderPlugin;
    private static Path duplicate;
    private static String pluginPath;

    @BeforeAll
    static void dropTheExamplePlugin() throws IOException {
        image = Path.of(System.getProperty("retrovue.image", "target/retrovue")).toAbsolutePath();
        work = Path.of(System.getProperty("retrovue.test.workdir", "target/smoke-work")).toAbsolutePath().resolve("example-" + UUID.randomUUID());
        Path built;
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("retrovue.example.plugins", "target/example-plugins")))) {
            built = jars.filter(p -> p.getFileName().toString().startsWith("retrovue-example-manifest")).findFirst().orElseThrow();
        }
        folderPlugin = Files.createDirectories(work.resolve("plugins-a/manifest"));
        Files.copy(built, folderPlugin.resolve(built.getFileName()));
        duplicate = Files.createDirectories(work.resolve("plugins-b")).resolve("manifest-copy.jar");
        Files.copy(built, duplicate);
        pluginPath = work.resolve("plugins-a") + ":" + work.resolve("plugins-b");
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        assertEquals(0, run("db", "stop").code());
    }

    static Run run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    static Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Map<String, String> all = new HashMap<>(env);
        all.put("RETROVUE_PLUGIN_PATH", pluginPath);
        return ImageProcess.run(image, work.resolve("data"), all, List.of(), "", args);
    }

    @Test
    void theExamplePluginWorksEndToEndFromTheUnchangedImage() throws Exception {
        Run types = run("source", "list-types", "--json");
        assertEquals(0, types.code(), types::toString);
        JsonNode manifest = null;
        for (JsonNode type : types.json().get("types")) {
            if (type.get("id").asText().equals("manifest")) {
                manifest = type;
            }
        }
        assertTrue(manifest != null, types::toString);
        assertEquals(folderPlugin.toString(), manifest.get("origin").asText(), "a folder of jars is one plugin");
        assertEquals("1.0.0", manifest.get("version").asText());
        assertTrue(manifest.get("built_for_spi").asText().startsWith("1.x"), manifest::toString);
        assertEquals("built in", types.json().get("types").get(0).get("origin").asText());
        JsonNode problem = types.json().get("plugin_errors").get(0);
        assertEquals(duplicate.toString(), problem.get("origin").asText());
        assertTrue(problem.get("message").asText().contains("'manifest' is already provided by org.retrovue.example.manifest (" + folderPlugin + ")"),
                problem::toString);

        Run help = run("source", "add", "--type", "manifest", "--help");
        assertTrue(help.code() == 0 && help.out().contains("--file") && !help.out().contains("--base-url"), "the plugin's option, and only its kind's: " + help);
        assertTrue(run("source", "add", "--help").out().contains("manifest"), "the common help names the installed types");

        Path media = Files.createDirectories(work.resolve("media"));
        Files.writeString(media.resolve("pilot.mkv"), "video");
        Path csv = Files.writeString(media.resolve("shows.csv"), """
                path,title,duration_seconds
                pilot.mkv,"Pilot, part 1",1800
                gone/second.mkv,Second,1750.5
                """);
        Run added = run("source", "add", "--type", "manifest", "--name", "Listed", "--file", csv.toString(), "--json");
        assertEquals(0, added.code(), added::toString);
        assertTrue(added.json().get("external_id").asText().startsWith("manifest-"));
        Run collections = run("source", "collections", "Listed", "--json");
        assertEquals("shows", collections.json().get(0).get("name").asText(), collections::toString);
        assertEquals(0, run("source", "enable", "Listed/shows").code());

        Run ingest = run("source", "ingest", "Listed", "--json");
        assertEquals(0, ingest.code(), ingest::toString);
        JsonNode counts = ingest.json().get("collections").get(0).get("counts");
        assertEquals(2, counts.get("new").asLong(), ingest::toString);
        assertEquals(1, counts.get("file_not_found").asLong(), "the listed file that is not there is stored, flagged");
        Run assets = run("source", "assets", "Listed/shows", "--json");
        JsonNode pilot = assets.json().get(1);
        assertEquals(List.of("pilot.mkv", "Pilot, part 1", "1800000", "true"), List.of(pilot.get("key").asText(), pilot.get("title").asText(),
                pilot.get("duration_ms").asText(), pilot.get("file_present").asText()), assets::toString);
        assertEquals(0, run("source", "ingest", "Listed", "--json").json().get("collections").get(0).get("counts").get("new").asLong(),
                "incremental from a third-party plugin too");
    }

    @Test
    void aServedManifestBehindASecretTokenUsesTheNewPiecesOfTheSpi() throws Exception {
        Nas nas = new Nas("token-" + UUID.randomUUID());
        List<Run> runs = new ArrayList<>();
        try {
            nas.manifest = """
                    path,title,duration_seconds,year,imdb,rating,version
                    movies/heat.mkv,Heat,10200,1995,tt0113277,R,v1
                    movies/ronin.mkv,Ronin,7320,1998,,R,
                    "movies/broken.mkv,Broken
                    """;
            Path local = Files.createDirectories(work.resolve("nas/movies"));
            Files.writeString(local.resolve("heat.mkv"), "video");
            Files.writeString(local.resolve("ronin.mkv"), "video");

            Run added = record(runs, run(Map.of("RETROVUE_MANIFEST_TOKEN", nas.token), "source", "add", "--type", "manifest", "--name", "Served",
                    "--file", nas.url(), "--timeout", "10"));
            assertEquals(0, added.code(), added::toString);
            assertTrue(added.out().contains("manifest-"), added::toString);
            assertTrue(added.err().contains("warning: column 'rating' is not one the manifest type reads")
                    && added.err().contains("warning: line 4 has a quote that is not closed; skipped"), "discovery warnings: " + added);
            Run typed = record(runs, run("source", "add", "--type", "manifest", "--name", "Bad", "--file", nas.url(), "--timeout", "9999"));
            assertEquals(2, typed.code(), "the declared range is checked by the program: " + typed);
            assertTrue(typed.err().contains("--timeout: '9999' is out of range; give a whole number from 1 to 600"), typed::toString);

            Run status = record(runs, run("source", "status", "Served", "--json"));
            assertEquals(0, status.code(), status::toString);
            JsonNode served = status.json().get("sources").get(0);
            assertEquals(List.of("healthy", "ok", "ok", "TestNAS/2.1"), List.of(served.get("health").asText(), served.get("reachable").asText(),
                    served.get("credentials").asText(), served.get("server_name").asText()), status::toString);

            assertEquals(0, record(runs, run("source", "mapping", "add", "Served/list", "/media", work.resolve("nas").toString())).code());
            assertEquals(0, record(runs, run("source", "enable", "Served/list")).code());
            Run ingest = record(runs, run("source", "ingest", "Served", "--json"));
            assertEquals(0, ingest.code(), ingest::toString);
            JsonNode counts = ingest.json().get("collections").get(0).get("counts");
            assertEquals(List.of(2L, 1L, 0L), List.of(counts.get("new").asLong(), counts.get("warnings").asLong(), counts.get("file_not_found").asLong()),
                    ingest::toString);
            JsonNode heat = asset(record(runs, run("source", "assets", "Served/list", "--json")), "movies/heat.mkv");
            assertEquals(List.of("/media/movies/heat.mkv", "movie", "1995", "tt0113277", "v1"), List.of(heat.get("remote_path").asText(),
                    heat.get("kind").asText(), heat.get("year").asText(), heat.get("provider_ids").get("imdb").asText(), heat.get("version").asText()));

            Run unchanged = record(runs, run("source", "ingest", "Served", "--json", "--debug"));
            assertEquals("unchanged", unchanged.json().get("collections").get(0).get("status").asText(), "the same ETag: " + unchanged);
            assertTrue(unchanged.err().contains("GET " + nas.url() + ": 304 not modified"), "the plugin's debug line, with --debug: " + unchanged);
            assertFalse(record(runs, run("source", "ingest", "Served")).err().contains("GET "), "and only with --debug");

            nas.manifest = nas.manifest.replace("Heat,10200,1995,tt0113277,R,v1", "Heat (Director's Cut),10200,1995,tt0113277,R,v2");
            Run changed = record(runs, run("source", "ingest", "Served", "--json"));
            counts = changed.json().get("collections").get(0).get("counts");
            assertEquals(List.of(1L, 1L), List.of(counts.get("changed").asLong(), counts.get("unchanged").asLong()), "the edited row only: " + changed);
            assertEquals("Heat (Director's Cut)", asset(record(runs, run("source", "assets", "Served/list", "--json")), "movies/heat.mkv").get("title").asText());

            String oldToken = nas.token;
            nas.token("token-" + UUID.randomUUID());
            Run rejected = record(runs, run("source", "status", "Served", "--json"));
            assertEquals(1, rejected.code(), rejected::toString);
            assertEquals("failed", rejected.json().get("sources").get(0).get("credentials").asText(), rejected::toString);
            Path tokenFile = work.resolve("nas-token");
            Files.writeString(tokenFile, nas.token + "\n");
            Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
            assertEquals(0, record(runs, run("source", "update", "Served", "--token-file", tokenFile.toString())).code(), () -> runs.getLast().toString());
            assertEquals(0, record(runs, run("source", "status", "Served")).code(), () -> runs.getLast().toString());
            assertEquals(0, record(runs, run("source", "show", "Served", "--json")).code(), () -> runs.getLast().toString());

            for (Run run : runs) {
                for (String token : List.of(oldToken, nas.token)) {
                    assertFalse(run.out().contains(token) || run.err().contains(token), "a token in the output: " + run);
                }
            }
            assertTrue(nas.commandsSeen.get() > 0, "the server looked at the command lines of the running commands");
            assertEquals(0, nas.tokensOnACommandLine.get(), "no command line held a token");
        } finally {
            nas.stop();
        }
    }

    private static Run record(List<Run> runs, Run run) {
        runs.add(run);
        return run;
    }

    private static JsonNode asset(Run assets, String key) throws IOException {
        for (JsonNode asset : assets.json()) {
            if (asset.get("key").asText().equals(key)) {
                return asset;
            }
        }
        throw new AssertionError("no asset " + key + " in " + assets);
    }

    /**
     * A NAS's web server: serves {@code /media/list.csv} to {@code Authorization: Bearer TOKEN} only, with an ETag
     * and 304 for a matching If-None-Match. While it answers a GET it reads every process's command line, as
     * {@code ps} would, for the token.
     */
    private static final class Nas {
        private final HttpServer server;
        volatile String manifest = "";
        volatile String token;
        /** Every token it took, for the look at the command lines. */
        final List<String> tokens = new java.util.concurrent.CopyOnWriteArrayList<>();
        final AtomicInteger commandsSeen = new AtomicInteger();
        final AtomicInteger tokensOnACommandLine = new AtomicInteger();

        Nas(String token) throws IOException {
            token(token);
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
            server.createContext("/media/list.csv", this::answer);
            server.start();
        }

        void token(String token) {
            tokens.add(token);
            this.token = token;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/media/list.csv";
        }

        void stop() {
            server.stop(0);
        }

        private void answer(HttpExchange exchange) throws IOException {
            try (exchange) {
                lookAtCommandLines();
                byte[] body = manifest.getBytes(StandardCharsets.UTF_8);
                String etag = "\"" + Integer.toHexString(manifest.hashCode()) + "\"";
                exchange.getResponseHeaders().set("Server", "TestNAS/2.1");
                if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    exchange.sendResponseHeaders(401, -1);
                } else if (exchange.getRequestMethod().equals("HEAD")) {
                    exchange.sendResponseHeaders(200, -1);
                } else if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                } else {
                    exchange.getResponseHeaders().set("ETag", etag);
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            }
        }

        private void lookAtCommandLines() {
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    String cmdline;
                    try {
                        cmdline = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        continue; // ended meanwhile
                    }
                    if (cmdline.contains("org.retrovue.launcher/org.retrovue.launcher.Main")) {
                        commandsSeen.incrementAndGet();
                    }
                    if (tokens.stream().anyMatch(cmdline::contains)) {
                        tokensOnACommandLine.incrementAndGet();
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
