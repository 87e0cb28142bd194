package org.retrovue.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.retrovue.fakejellyfin.Dialect;
import org.retrovue.fakejellyfin.FakeJellyfinServer;
import org.retrovue.fakejellyfin.Library;
import org.retrovue.image.ImageProcess.Run;

/**
 * The jellyfin and emby kinds ship in the image: a source added with its key from RETROVUE_JELLYFIN_API_KEY (never
 * on the command line) and RETROVUE_EMBY_API_KEY, mapped, enabled and ingested from the Jellyfin/Emby test server.
 */
class JellyfinSourceImageIT {
    private static final String KEY = "jellyfin-key-that-must-never-show";

    @Test
    void bothKindsAreAddedWithTheKeyFromTheEnvironmentAndIngested() throws Exception {
        Path image = Path.of(System.getProperty("retrovue.image", "target/retrovue")).toAbsolutePath();
        Path work = Path.of(System.getProperty("retrovue.test.workdir", "target/smoke-work")).toAbsolutePath().resolve("jellyfin-" + UUID.randomUUID());
        Path data = work.resolve("data");
        Path here = Files.createDirectories(work.resolve("media"));
        Map<String, String> env = Map.of("RETROVUE_JELLYFIN_API_KEY", KEY, "RETROVUE_EMBY_API_KEY", KEY);
        try (FakeJellyfinServer jellyfin = FakeJellyfinServer.builder().apiKey(KEY).basePath("/jellyfin").library(Library.Type.MOVIES, "Movies", 120, "/data/movies").build().start();
             FakeJellyfinServer emby = FakeJellyfinServer.builder().dialect(Dialect.EMBY).apiKey(KEY).basePath("/emby")
                     .library(Library.Type.TVSHOWS, "Shows", 80, "/data/tv").build().start()) {
            for (FakeJellyfinServer server : List.of(jellyfin, emby)) {
                String type = server.dialect() == Dialect.EMBY ? "emby" : "jellyfin";
                JsonNode source = ok(image, data, env, "source", "add", "--type", type, "--name", type, "--base-url", server.baseUrl(),
                        "--page-size", "50", "--json").json();
                assertEquals("********", source.get("config").get("api_key").asText(), source::toString);
                String collection = type + "/" + source.get("collections").get(0).get("name").asText();
                ok(image, data, env, "source", "mapping", "add", collection, server.catalog().libraries().getFirst().locations().getFirst(), here.toString());
                ok(image, data, env, "source", "enable", collection);
                JsonNode report = ok(image, data, env, "source", "ingest", type, "--json").json();
                JsonNode counts = report.get("collections").get(0).get("counts");
                assertEquals(server.catalog().libraries().getFirst().itemCount(), counts.get("new").asLong(), report::toString);
                assertTrue(server.requests().stream().noneMatch(r -> r.uri().contains(KEY)), "the key never travels in a URL");
            }
        } finally {
            ImageProcess.run(image, data, Map.of(), List.of(), "", "db", "stop");
        }
    }

    private static Run ok(Path image, Path data, Map<String, String> env, String... args) throws IOException, InterruptedException {
        Run r = ImageProcess.run(image, data, env, List.of(), "", args);
        assertEquals(0, r.code(), r::toString);
        assertFalse(r.out().contains(KEY) || r.err().contains(KEY), "the key never shows: " + r);
        return r;
    }
}
