package org.retrovue.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.retrovue.fakeplex.FakePlexServer;
import org.retrovue.fakeplex.Library;
import org.retrovue.image.ImageProcess.Run;

/**
 * What issue 15 added to the plugin platform, from the built image: {@code source status} of a directory and of a
 * Plex server (the Plex test server, on loopback), a remote named by its display name in messages, and a plugin's
 * DEBUG lines on stderr with {@code --debug} only (a dropped-in plugin compiled here that logs through
 * SourceContext.logger()). One data directory for the class; each test uses sources of its own.
 */
class PluginPlatformIT {
    private static final String TOKEN = "plex-token-that-must-never-show";

    private static Path image;
    private static Path work;
    private static FakePlexServer plex;

    @BeforeAll
    static void setUp() throws Exception {
        image = Path.of(System.getProperty("retrovue.image", "target/retrovue")).toAbsolutePath();
        work = Path.of(System.getProperty("retrovue.test.workdir", "target/smoke-work")).toAbsolutePath().resolve("platform-" + UUID.randomUUID());
        plex = FakePlexServer.builder().token(TOKEN).friendlyName("Living Room").library(Library.Type.MOVIE, "Movies", 3, "/data/movies").build().start();
        chattyPlugin(Files.createDirectories(work.resolve("plugins")).resolve("chatty.jar"));
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (plex != null) {
            plex.close();
        }
        assertEquals(0, run("db", "stop").code());
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        return ImageProcess.run(image, work.resolve("data"), Map.of("RETROVUE_PLUGIN_PATH", work.resolve("plugins").toString()), List.of(), "", args);
    }

    private static Run ok(String... args) throws IOException, InterruptedException {
        Run r = run(args);
        assertEquals(0, r.code(), r::toString);
        assertFalse(r.out().contains(TOKEN) || r.err().contains(TOKEN), "the token never shows: " + r);
        return r;
    }

    @Test
    void sourceStatusChecksADirectoryAndAPlexServer() throws Exception {
        Path movies = Files.createDirectories(work.resolve("media/movies"));
        Files.writeString(movies.resolve("Alien (1979).mkv"), "video");
        ok("source", "add", "--type", "filesystem", "--name", "Media", "--base-path", movies.toString());
        ok("source", "enable", "Media/movies");
        ok("source", "ingest", "Media");
        ok("source", "add", "--type", "plex", "--name", "Home Plex", "--base-url", plex.baseUrl(), "--token", TOKEN);

        JsonNode media = ok("source", "status", "Media", "--json").json();
        assertTrue(media.get("healthy").asBoolean(), media::toString);
        JsonNode directory = media.get("sources").get(0);
        assertEquals(List.of("healthy", "ok", "not_applicable"), List.of(directory.get("health").asText(), directory.get("reachable").asText(),
                directory.get("credentials").asText()), directory::toString);
        JsonNode collection = directory.get("collections").get(0);
        assertEquals(List.of("healthy", "ok", "1"), List.of(collection.get("health").asText(), collection.get("last_ingest").get("outcome").asText(),
                collection.get("assets").get("present").asText()), collection::toString);
        Run text = ok("source", "status", "Media");
        List<String> lines = text.out().lines().toList();
        assertTrue(lines.getFirst().matches("SOURCE +TYPE +HEALTH +REACHABLE +CREDENTIALS +SERVER +PROBLEM"), text::toString);
        assertTrue(lines.get(1).matches("Media +filesystem +healthy +yes +none needed +- +-"), text::toString);
        assertTrue(lines.stream().anyMatch(l -> l.matches("Media +movies +healthy +yes +ok, \\d+ s ago +1 present, 0 missing")), text::toString);

        JsonNode home = ok("source", "status", "Home Plex", "--json").json().get("sources").get(0);
        assertEquals(List.of("healthy", "ok", "ok", "Living Room"), List.of(home.get("health").asText(), home.get("reachable").asText(),
                home.get("credentials").asText(), home.get("server_name").asText()), home::toString);
        assertTrue(home.get("server_version").asText().startsWith("1."), home::toString);
        assertEquals("disabled", home.get("collections").get(0).get("health").asText(), "a disabled collection is not judged: " + home);

        Run wrong;
        try (FakePlexServer other = FakePlexServer.builder().token(TOKEN).build().start()) {
            ok("source", "add", "--type", "plex", "--name", "Wrong Token", "--base-url", other.baseUrl(), "--token", "not-the-token", "--no-discover");
            wrong = run("source", "status", "Wrong Token", "--json");
        }
        assertEquals(1, wrong.code(), "unhealthy exits 1: " + wrong);
        JsonNode refused = wrong.json().get("sources").get(0);
        assertEquals(List.of("unhealthy", "ok", "failed"), List.of(refused.get("health").asText(), refused.get("reachable").asText(),
                refused.get("credentials").asText()), refused::toString);
        assertTrue(refused.get("problem").asText().contains("rejected the token"), refused::toString);
        assertFalse(wrong.out().contains("not-the-token"), "a wrong token is a secret too: " + wrong);
    }

    @Test
    void aPlexServerAddedTwiceIsNamedByWhatItCallsItself() throws Exception {
        try (FakePlexServer den = FakePlexServer.builder().token(TOKEN).friendlyName("Den").library(Library.Type.MOVIE, "Films", 1, "/data/films")
                .build().start()) {
            String externalId = ok("source", "add", "--type", "plex", "--name", "Den Plex", "--base-url", den.baseUrl(), "--token", TOKEN, "--json")
                    .json().get("external_id").asText();
            Run again = run("source", "add", "--type", "plex", "--name", "Den Again", "--base-url", den.baseUrl().replace("127.0.0.1", "localhost"),
                    "--token", TOKEN);
            assertEquals(5, again.code(), again::toString);
            assertTrue(again.err().startsWith("error: Plex server 'Den' (" + externalId + ") is already source 'Den Plex'"), again::toString);
            assertFalse(again.err().contains(den.machineIdentifier()), "the server is named, not its raw fingerprint: " + again);
            assertEquals(1, again.err().lines().count(), again::toString);
        }
    }

    @Test
    void debugShowsAPluginsDebugLinesAndNothingElseDoes() throws Exception {
        Path listing = Files.writeString(work.resolve("chatty.csv"), "path,title\n");
        Run plain = ok("source", "add", "--type", "chatty", "--name", "Chatty", "--file", listing.toString());
        assertEquals("", plain.err(), "without --debug, a plugin's log lines are not shown: " + plain);

        Run debug = ok("--debug", "source", "discover", "Chatty");
        assertTrue(debug.err().contains("chatty debug: connecting to " + listing), debug::toString);
        assertTrue(debug.err().contains("chatty trace: listing collections"), debug::toString);
        Run quiet = ok("source", "discover", "Chatty");
        assertEquals("", quiet.err(), quiet::toString);
    }

    /** A dropped-in source kind, compiled here against the image's SPI, that logs DEBUG and TRACE lines through its context's logger. */
    private static void chattyPlugin(Path jar) throws Exception {
        Path spi;
        try (Stream<Path> jars = Files.list(image.getParent().resolve("modules"))) {
            spi = jars.filter(p -> p.getFileName().toString().startsWith("retrovue-spi-")).findFirst().orElseThrow();
        }
        Path src = Files.createDirectories(work.resolve("src"));
        Path kind = Files.createDirectories(src.resolve("org/example/chatty")).resolve("Kind.java");
        Files.writeString(src.resolve("module-info.java"), "module org.example.chatty { requires org.retrovue.spi; "
                + "provides org.retrovue.spi.SourceKind with org.example.chatty.Kind; }");
        Files.writeString(kind, """
                package org.example.chatty;
                import java.util.*;
                import org.retrovue.spi.*;
                public final class Kind implements SourceKind {
                    public String id() { return "chatty"; }
                    public String description() { return "A kind that logs"; }
                    public List<OptionSpec> options() { return List.of(OptionSpec.required("file", OptionType.PATH, "A listing file")); }
                    public int spiMajorVersion() { return SpiVersion.MAJOR; }
                    public Map<String, Object> validate(Map<String, String> options) { return Map.of("file", options.get("file")); }
                    public SourceConnection connect(Map<String, Object> config, SourceContext context) {
                        String file = (String) config.get("file");
                        context.logger().log(System.Logger.Level.DEBUG, "chatty debug: connecting to " + file);
                        return new SourceConnection() {
                            public String fingerprint() { return file; }
                            public List<DiscoveredCollection> collections() {
                                context.logger().log(System.Logger.Level.TRACE, "chatty trace: listing collections");
                                return List.of(new DiscoveredCollection("all", "everything", List.of(java.nio.file.Path.of(file).getParent().toString()), Map.of()));
                            }
                        };
                    }
                }
                """);
        Path classes = work.resolve("classes/chatty");
        List<String> args = new ArrayList<>(List.of("--release", "25", "-p", spi.toString(), "-d", classes.toString(),
                src.resolve("module-info.java").toString(), kind.toString()));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)), "the test plugin compiles");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                jarOut.write(Files.readAllBytes(file));
                jarOut.closeEntry();
            }
        }
    }
}
