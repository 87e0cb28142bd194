package org.retrovue.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.retrovue.image.ImageProcess.Run;

/**
 * Enrichers from the built image (SPI 1.6): the built-in {@code ffprobe} and {@code loudness}, and third-party enrichers built against
 * the image's SPI alone and dropped into a plugin directory (compiled here): one that is listed and can be chosen
 * for a source, and one whose id the image already has, which is refused and reported.
 */
class EnricherPluginIT {
    private static Path image;
    private static Path work;

    @BeforeAll
    static void setUp() throws Exception {
        image = Path.of(System.getProperty("retrovue.image", "target/retrovue")).toAbsolutePath();
        work = Path.of(System.getProperty("retrovue.test.workdir", "target/smoke-work")).toAbsolutePath().resolve("enrichers-" + UUID.randomUUID());
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        enricherPlugin(plugins.resolve("shout.jar"), "shout", "3", "Optional.of(\"shout needs a megaphone: install one\")");
        enricherPlugin(plugins.resolve("impostor.jar"), "ffprobe", "9", "Optional.empty()");
    }

    @AfterAll
    static void tearDown() throws Exception {
        assertEquals(0, run("db", "stop").code());
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        return ImageProcess.run(image, work.resolve("data"), Map.of("RETROVUE_PLUGIN_PATH", work.resolve("plugins").toString()), List.of(), "", args);
    }

    @Test
    void aDroppedInEnricherIsListedAndChosenAndADuplicateIdIsRefused() throws Exception {
        Run types = run("enricher", "list-types", "--json");
        assertEquals(0, types.code(), types::toString);
        JsonNode enrichers = types.json().get("enrichers");
        assertEquals(3, enrichers.size(), enrichers::toString);
        for (int i = 0; i < 2; i++) {
            JsonNode builtIn = enrichers.get(i);
            assertEquals(List.of(List.of("ffprobe", "loudness").get(i), "built in", "org.retrovue.plugin.ffprobe", "1"), List.of(builtIn.get("id").asText(),
                    builtIn.get("origin").asText(), builtIn.get("module").asText(), builtIn.get("version").asText()),
                    "the image's own come first, one module provides both, and ffprobe keeps its id: " + enrichers);
        }
        assertEquals(List.of("path"), List.of(enrichers.get(1).get("options").get(0).get("name").asText()), "loudness is told where ffmpeg is");
        JsonNode shout = enrichers.get(2);
        assertEquals("shout", shout.get("id").asText());
        assertEquals("3", shout.get("version").asText());
        assertEquals(work.resolve("plugins/shout.jar").toString(), shout.get("origin").asText());
        assertEquals(false, shout.get("available").asBoolean());
        assertEquals("shout needs a megaphone: install one", shout.get("unavailable_reason").asText());
        assertEquals("level", shout.get("options").get(0).get("name").asText());
        List<String> errors = new ArrayList<>();
        types.json().get("plugin_errors").forEach(e -> errors.add(e.get("origin").asText().replaceAll(".*/", "") + ": " + e.get("message").asText()));
        assertEquals(List.of("impostor.jar: enricher 'ffprobe' is already provided by org.retrovue.plugin.ffprobe (built in); skipped"), errors);

        Run kinds = run("source", "list-types", "--json");
        assertEquals(0, kinds.code(), kinds::toString);
        assertEquals(1, kinds.json().get("plugin_errors").size(), "a plugin of enrichers alone is no error for source types: " + kinds);

        Path movies = Files.createDirectories(work.resolve("media/movies"));
        Run added = run("source", "add", "--type", "filesystem", "--name", "Media", "--base-path", movies.toString(), "--enrichers", "shout,ffprobe", "--json");
        assertEquals(0, added.code(), added::toString);
        assertEquals("[\"shout\",\"ffprobe\"]", added.json().get("enrichers").toString());
        assertEquals("[\"enricher 'shout' cannot run on this machine: shout needs a megaphone: install one\"]", added.json().get("warnings").toString());
        Run refused = run("source", "enrichers", "Media", "ffprobe,loudnes");
        assertEquals(2, refused.code(), refused::toString);
        assertEquals("error: unknown enricher 'loudnes'; installed enrichers: ffprobe, loudness, shout\n", refused.err());
        Run both = run("source", "enrichers", "Media", "ffprobe,loudness", "--json");
        assertEquals(0, both.code(), both::toString);
        assertEquals("[\"ffprobe\",\"loudness\"]", both.json().get("enrichers").toString());
        Run set = run("source", "enrichers", "Media", "ffprobe,shout");
        assertEquals(0, set.code(), set::toString);
        assertEquals("warning: enricher 'shout' cannot run on this machine: shout needs a megaphone: install one\n", set.err());
        Run table = run("enricher", "list-types");
        assertTrue(table.out().startsWith("ENRICHER"), table::toString);
        assertTrue(table.out().contains("no: shout needs a megaphone"), table::toString);
        assertTrue(table.out().contains("[--set shout.level=INTEGER]"), table::toString);

        // the dropped-in enricher runs in ingest, with this source's value of its option
        Files.writeString(movies.resolve("Alien (1979).mkv"), "not really a film");
        Run levelled = run("source", "enrichers", "Media", "shout", "--set", "shout.level=3", "--json");
        assertEquals(0, levelled.code(), levelled::toString);
        assertEquals("{\"shout\":{\"level\":3}}", levelled.json().get("enricher_options").toString());
        Run badLevel = run("source", "enrichers", "Media", "shout", "--set", "shout.level=loud");
        assertEquals(2, badLevel.code(), badLevel::toString);
        assertEquals("error: --set shout.level: 'loud' is not a whole number; give a whole number\n", badLevel.err());
        assertEquals(0, run("source", "enable", "Media/movies", "--json").code());
        Run ingest = run("source", "ingest", "--json");
        assertEquals(0, ingest.code(), ingest::toString);
        Run assets = run("source", "assets", "Media/movies", "--json");
        JsonNode alien = assets.json().get(0);
        assertEquals(List.of("shouted", "180000", "filled"), List.of(alien.get("media").get("container").asText(), alien.get("duration_ms").asText(),
                alien.get("enrichment").get("results").get("shout").get("outcome").asText()), alien::toString);
    }

    /** A plugin of one enricher, compiled here against the image's SPI. */
    private static void enricherPlugin(Path jar, String id, String version, String unavailable) throws Exception {
        Path spi;
        try (Stream<Path> jars = Files.list(image.getParent().resolve("modules"))) {
            spi = jars.filter(p -> p.getFileName().toString().startsWith("retrovue-spi-")).findFirst().orElseThrow();
        }
        String module = "org.example." + id;
        Path src = Files.createDirectories(work.resolve("src/" + id));
        Path source = Files.createDirectories(src.resolve("org/example/" + id)).resolve("Plugin.java");
        Files.writeString(src.resolve("module-info.java"), "module " + module + " { requires org.retrovue.spi; "
                + "provides org.retrovue.spi.Enricher with " + module + ".Plugin; }");
        Files.writeString(source, """
                package %s;
                import java.util.*;
                import org.retrovue.spi.*;
                public final class Plugin implements Enricher {
                    public String id() { return "%s"; }
                    public String description() { return "Says hello"; }
                    public String version() { return "%s"; }
                    public int spiMajorVersion() { return SpiVersion.MAJOR; }
                    public List<OptionSpec> options() { return List.of(OptionSpec.optional("level", OptionType.INTEGER, "How loud")); }
                    public Optional<String> unavailable() { return %s; }
                    public EnrichmentResult enrich(EnrichmentRequest request, EnrichmentContext context) {
                        long minutes = Long.parseLong(context.options().getOrDefault("level", "1"));
                        return new EnrichmentResult.Filled(new MediaFacts("shouted", minutes * 60_000, null, List.of(), List.of(), List.of(), null, null));
                    }
                }
                """.formatted(module, id, version, unavailable));
        Path classes = work.resolve("classes/" + id);
        List<String> args = new ArrayList<>(List.of("--release", "25", "-p", spi.toString(), "-d", classes.toString(),
                src.resolve("module-info.java").toString(), source.toString()));
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
