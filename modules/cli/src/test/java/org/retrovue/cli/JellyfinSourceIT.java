package org.retrovue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.retrovue.fakejellyfin.Dialect;
import org.retrovue.fakejellyfin.FakeJellyfinServer;
import org.retrovue.fakejellyfin.Library;

/** Jellyfin and Emby sources through the real commands against the Jellyfin/Emby test server. */
class JellyfinSourceIT {
    private static final String KEY = "jellyfin-key-that-must-never-show";

    @TempDir
    Path temp;
    private CliHarness cli;
    private FakeJellyfinServer server;

    private void start(Dialect dialect) {
        cli = new CliHarness(temp.resolve("data")).neverShowing(KEY);
        server = FakeJellyfinServer.builder().dialect(dialect).apiKey(KEY).serverName("Den").basePath(dialect.usualBasePath())
                .library(Library.Type.MOVIES, "Movies", 300, "/data/movies")
                .library(Library.Type.TVSHOWS, "Shows", 200, "D:\\Media\\TV")
                .library(Library.Type.MUSIC, "Music", 10, "/data/music")
                .build().start();
    }

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
    }

    private String type() {
        return server.dialect() == Dialect.EMBY ? "emby" : "jellyfin";
    }

    private JsonNode add(String... extra) {
        List<String> args = new ArrayList<>(List.of("source", "add", "--type", type(), "--name", "Den", "--base-url", server.baseUrl(),
                "--api-key", KEY, "--page-size", "50", "--read-timeout", "2"));
        args.addAll(List.of(extra));
        args.add("--json");
        return cli.ok(args.toArray(String[]::new));
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(field == null ? n.asText() : n.get(field).asText()));
        return names;
    }

    private static JsonNode collection(JsonNode report, String name) {
        for (JsonNode c : report.get("collections")) {
            if (c.get("collection").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no " + name + " in " + report);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void addDiscoverMapEnableIngestAndRescanOnlyWhatChanged(Dialect dialect) throws Exception {
        start(dialect);
        JsonNode source = add();
        assertTrue(source.get("external_id").asText().matches(type() + "-[0-9a-f]{12}"), source.toString());
        assertEquals("********", source.get("config").get("api_key").asText());
        assertEquals(List.of("Movies", "Shows"), names(source.get("collections"), "name"));
        source.get("collections").forEach(c -> assertFalse(c.get("enabled").asBoolean()));
        assertEquals(List.of("skipped the Music library: its music items are not ingested (movies and episodes are)"), names(source.get("warnings"), null));

        CliHarness.Result again = cli.run("source", "add", "--type", type(), "--name", "Again", "--base-url",
                server.baseUrl().replace("127.0.0.1", "localhost"), "--api-key", KEY);
        assertEquals(5, again.code(), again::toString);
        assertTrue(again.err().contains((dialect == Dialect.EMBY ? "Emby" : "Jellyfin") + " server 'Den'"), again::toString);

        Path tvHere = Files.createDirectories(temp.resolve("nas/tv"));
        JsonNode tv = cli.ok("source", "mapping", "add", "Den/Shows", "D:\\Media\\TV", tvHere.toString(), "--json");
        assertTrue(tv.get("ingestable").asBoolean(), tv.toString());
        cli.ok("source", "enable", "Den/Shows", "--json");
        cli.ok("source", "mapping", "add", "Den/Movies", "/data/movies", Files.createDirectories(temp.resolve("nas/movies")).toString(), "--json");
        cli.ok("source", "enable", "Den/Movies", "--json");

        server.catalog().renameLibrary(tv.get("external_id").asText(), "Television");
        JsonNode changes = cli.ok("source", "discover", "Den", "--json");
        assertEquals(List.of("Shows -> Television"), names(changes.get("updated"), null));
        JsonNode television = null;
        for (JsonNode c : changes.get("source").get("collections")) {
            if (c.get("name").asText().equals("Television")) {
                television = c;
            }
        }
        assertEquals(tv.get("id"), television.get("id"), "a renamed library keeps its id");
        assertTrue(television.get("enabled").asBoolean(), "and its enabled flag");
        assertEquals(1, television.get("path_mappings").size(), "and its mappings");

        JsonNode report = cli.ok("source", "ingest", "Den", "--json");
        assertEquals(300, collection(report, "Movies").get("counts").get("new").asLong(), report::toString);
        assertEquals(200, collection(report, "Television").get("counts").get("new").asLong(), report::toString);
        JsonNode episode = cli.ok("source", "assets", "Den/Television", "--limit", "1", "--json").get(0);
        assertEquals("episode", episode.get("kind").asText());
        assertTrue(episode.get("local_path").asText().startsWith(tvHere.toString()), "translated through the mapping: " + episode);
        assertFalse(episode.get("file_present").asBoolean(), "stored, flagged absent");
        assertTrue(episode.get("duration_ms").asLong() > 0, episode::toString);

        String moviesId = server.catalog().libraries().getFirst().itemId();
        server.catalog().touchItems(moviesId, 10, 7);
        JsonNode touched = cli.ok("source", "ingest", "Den", "--json");
        JsonNode movies = collection(touched, "Movies").get("counts");
        assertEquals(7, movies.get("changed").asLong(), touched::toString);
        assertEquals(293, movies.get("unchanged").asLong(), touched::toString);
        assertEquals(0, collection(touched, "Television").get("counts").get("changed").asLong(), touched::toString);
    }

    @Test
    void failuresAreOneLineAndTheOtherCollectionsGoOn() throws Exception {
        start(Dialect.JELLYFIN);
        CliHarness.Result rejected = cli.run("source", "add", "--type", "jellyfin", "--name", "Den", "--base-url", server.baseUrl(), "--api-key", "wrong-" + KEY);
        assertEquals(1, rejected.code(), rejected::toString);
        assertEquals(1, rejected.err().lines().count(), rejected::toString);
        assertTrue(rejected.err().contains("rejected the API key"), rejected::toString);
        CliHarness.Result emby = cli.run("source", "add", "--type", "emby", "--name", "Den", "--base-url", server.baseUrl(), "--api-key", KEY);
        assertEquals(List.of("error: " + server.baseUrl() + " is a Jellyfin server, not an Emby one; add it with --type jellyfin"), emby.err().lines().toList());
        assertEquals("[ ]", cli.run("source", "list", "--json").out().strip());

        add();
        cli.ok("source", "mapping", "add", "Den/Movies", "/data/movies", Files.createDirectories(temp.resolve("m")).toString(), "--json");
        cli.ok("source", "mapping", "add", "Den/Shows", "D:\\Media\\TV", Files.createDirectories(temp.resolve("t")).toString(), "--json");
        cli.ok("source", "enable", "Den/Movies", "--json");
        cli.ok("source", "enable", "Den/Shows", "--json");
        server.catalog().setForbidden(server.catalog().libraries().getFirst().itemId(), true);
        CliHarness.Result r = cli.run("source", "ingest", "Den", "--json");
        assertEquals(1, r.code(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().startsWith("error: Den/Movies: Jellyfin at " + server.baseUrl() + " refused"), r::toString);
        assertEquals("failed", collection(r.json(), "Movies").get("status").asText());
        assertEquals("ingested", collection(r.json(), "Shows").get("status").asText());
    }
}
