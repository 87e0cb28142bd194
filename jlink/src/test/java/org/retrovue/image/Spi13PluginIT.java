package org.retrovue.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.retrovue.image.ImageProcess.Run;

/**
 * A plugin as a third party shipped it for SPI 1.3 keeps working in today's image: the example plugin
 * (examples/manifest) as it was at the last SPI 1.3 commit, compiled against that commit's SPI, kept as a binary
 * (src/test/resources/compat, rebuilt by examples/compat/build-spi-1.3-plugin) and dropped into a plugin directory
 * named by RETROVUE_PLUGIN_PATH of the unchanged image. Its kind is used end to end, including what came after 1.3
 * and it does not implement: the health check (source status), a display name (messages), option types.
 */
class Spi13PluginIT {
    private static final String FIXTURE = "/compat/retrovue-example-manifest-spi-1.3.jar";
    /** As examples/compat/README.md gives it: the binary built at the SPI 1.3 commit, not one rebuilt against today's SPI. */
    private static final String FIXTURE_SHA256 = "b826c10499bb1d692cf35833b13682bd47e8fab36abc5ecb8a6e378b9bdf0f06";

    private static Path image;
    private static Path work;
    private static Path jar;
    private static Path media;

    @BeforeAll
    static void dropTheOldPlugin() throws Exception {
        image = Path.of(System.getProperty("retrovue.image", "target/retrovue")).toAbsolutePath();
        work = Path.of(System.getProperty("retrovue.test.workdir", "target/smoke-work")).toAbsolutePath().resolve("spi13-" + UUID.randomUUID());
        jar = Files.createDirectories(work.resolve("plugins")).resolve("retrovue-example-manifest-spi-1.3.jar");
        try (InputStream fixture = Spi13PluginIT.class.getResourceAsStream(FIXTURE)) {
            assertTrue(fixture != null, FIXTURE + " is on the test class path (run examples/compat/build-spi-1.3-plugin)");
            Files.copy(fixture, jar);
        }
        assertEquals(FIXTURE_SHA256, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar))),
                "the fixture is the documented SPI 1.3 build");
        media = Files.createDirectories(work.resolve("media"));
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        assertEquals(0, run("db", "stop").code());
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        return ImageProcess.run(image, work.resolve("data"), Map.of("RETROVUE_PLUGIN_PATH", work.resolve("plugins").toString()), List.of(), "", args);
    }

    private static JsonNode counts(Run ingest) throws IOException {
        assertEquals(0, ingest.code(), ingest::toString);
        return ingest.json().get("collections").get(0).get("counts");
    }

    @Test
    void aPluginBuiltForSpi13WorksEndToEndFromTheUnchangedImage() throws Exception {
        Run types = run("source", "list-types", "--json");
        assertEquals(0, types.code(), types::toString);
        assertEquals(0, types.json().get("plugin_errors").size(), "the old plugin loads: " + types);
        JsonNode manifest = null;
        for (JsonNode type : types.json().get("types")) {
            manifest = type.get("id").asText().equals("manifest") ? type : manifest;
        }
        assertTrue(manifest != null, "the old plugin's type is listed: " + types);
        assertEquals(jar.toString(), manifest.get("origin").asText());
        assertEquals("1.0.0", manifest.get("version").asText());
        assertEquals("1.x (compiled against retrovue-spi 0.1.0-SNAPSHOT)", manifest.get("built_for_spi").asText());
        assertEquals("file", manifest.get("options").get(0).get("name").asText(), manifest::toString);

        Files.writeString(media.resolve("pilot.mkv"), "video");
        Path csv = Files.writeString(media.resolve("shows.csv"), """
                path,title,duration_seconds
                pilot.mkv,"Pilot, part 1",1800
                gone/second.mkv,Second,1750.5
                """);
        Run added = run("source", "add", "--type", "manifest", "--name", "Listed", "--file", csv.toString(), "--json");
        assertEquals(0, added.code(), added::toString);
        String externalId = added.json().get("external_id").asText();
        assertTrue(externalId.matches("manifest-[0-9a-f]{12}"), added::toString);
        assertEquals(csv.toString(), added.json().get("options").get("file").asText(), "the operator's option, kept by name");
        Run twice = run("source", "add", "--type", "manifest", "--name", "Again", "--file", media.resolve(".").resolve("shows.csv").toString());
        assertEquals(5, twice.code(), twice::toString);
        assertTrue(twice.err().startsWith("error: " + csv.toRealPath() + " is already source 'Listed' (" + added.json().get("id").asText() + ")"),
                "without a display name of its own, the remote is named by its fingerprint: " + twice);

        Run collections = run("source", "collections", "Listed", "--json");
        assertEquals("shows", collections.json().get(0).get("name").asText(), collections::toString);
        assertEquals(0, run("source", "enable", "Listed/shows").code());
        JsonNode first = counts(run("source", "ingest", "Listed", "--json"));
        assertEquals(List.of(2L, 2L, 1L), List.of(first.get("seen").asLong(), first.get("new").asLong(), first.get("file_not_found").asLong()),
                first::toString);
        Run assets = run("source", "assets", "Listed/shows", "--json");
        JsonNode pilot = assets.json().get(1);
        assertEquals(List.of("pilot.mkv", "Pilot, part 1", "1800000", "true"), List.of(pilot.get("key").asText(), pilot.get("title").asText(),
                pilot.get("duration_ms").asText(), pilot.get("file_present").asText()), assets::toString);

        Files.writeString(media.resolve("third.mkv"), "video");
        Files.writeString(csv, """
                path,title,duration_seconds
                pilot.mkv,"Pilot, part 1",1800
                third.mkv,Third,60
                """);
        JsonNode second = counts(run("source", "ingest", "Listed", "--json"));
        assertEquals(List.of(2L, 1L, 1L, 1L), List.of(second.get("seen").asLong(), second.get("new").asLong(), second.get("unchanged").asLong(),
                second.get("missing").asLong()), "incremental: one new, one gone, one as it was: " + second);

        Run renamed = run("source", "update", "Listed", "--name", "Old Plugin", "--file", csv.toString(), "--json");
        assertEquals(0, renamed.code(), renamed::toString);
        assertEquals(List.of("Old Plugin", externalId, csv.toString()), List.of(renamed.json().get("name").asText(),
                renamed.json().get("external_id").asText(), renamed.json().get("config").get("file").asText()), renamed::toString);
        assertTrue(renamed.json().get("collections").get(0).get("enabled").asBoolean(), "the collection stays as it was: " + renamed);

        Run status = run("source", "status", "Old Plugin", "--json");
        assertEquals(1, status.code(), "a source whose plugin cannot check itself is not called healthy: " + status);
        assertEquals("", status.err(), status::toString);
        JsonNode old = status.json().get("sources").get(0);
        assertEquals(List.of("unknown", "ok", "not_checked"), List.of(old.get("health").asText(), old.get("reachable").asText(),
                old.get("credentials").asText()), "it answers, and that is all that is known: " + status);
        assertTrue(old.get("problem").asText().contains("cannot check itself (built for SPI 1.4 or earlier)"), old::toString);
        JsonNode shows = old.get("collections").get(0);
        assertEquals("healthy", shows.get("health").asText(), shows::toString);
        assertEquals(2, shows.get("assets").get("present").asInt(), shows::toString);
        assertEquals("ok", shows.get("last_ingest").get("outcome").asText(), shows::toString);
        Run text = run("source", "status", "Old Plugin");
        assertEquals(1, text.code(), text::toString);
        assertTrue(text.out().lines().anyMatch(l -> l.matches("Old Plugin +manifest +unknown +yes +not checked +- +its plugin cannot check itself.*")),
                text::toString);

        Files.delete(csv);
        JsonNode gone = run("source", "status", "Old Plugin", "--json").json().get("sources").get(0);
        assertEquals(List.of("unhealthy", "failed"), List.of(gone.get("health").asText(), gone.get("reachable").asText()), gone::toString);
        assertTrue(gone.get("problem").asText().contains("does not exist or is not a file"), "the plugin's own words: " + gone);

        Run deleted = run("source", "delete", "Old Plugin", "--force", "--json");
        assertEquals(0, deleted.code(), deleted::toString);
        assertEquals(externalId, deleted.json().get("external_id").asText());
        Run list = run("source", "list", "--json");
        assertEquals(0, list.json().size(), list::toString);
        assertFalse(list.out().contains("Old Plugin"), list::toString);
    }
}
