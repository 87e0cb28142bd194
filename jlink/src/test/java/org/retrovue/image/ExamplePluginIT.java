package org.retrovue.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.retrovue.image.ImageProcess.Run;

/**
 * The example plugin (examples/manifest, its own Maven project built against the SPI only) dropped into plugin
 * directories named by RETROVUE_PLUGIN_PATH of the unchanged image: once as a folder (a plugin with its jars),
 * once as a second copy claiming the same type, which is reported and skipped. Then the plugin's kind is used end
 * to end: its option as a flag, add, collections, ingest, assets.
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
        return ImageProcess.run(image, work.resolve("data"), Map.of("RETROVUE_PLUGIN_PATH", pluginPath), List.of(), "", args);
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
}
