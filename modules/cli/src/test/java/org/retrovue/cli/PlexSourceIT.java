package org.retrovue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retrovue.fakeplex.FakePlexServer;
import org.retrovue.fakeplex.Faults;
import org.retrovue.fakeplex.Library;

/** Plex sources through the real commands against the Plex test server. */
class PlexSourceIT {
    private static final String TOKEN = "plex-token-that-must-never-show";

    @TempDir
    Path temp;
    private CliHarness cli;
    private FakePlexServer plex;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(temp.resolve("data")).neverShowing(TOKEN);
        plex = FakePlexServer.builder().token(TOKEN).friendlyName("Living Room")
                .library(Library.Type.MOVIE, "Movies", 5, "/data/movies")
                .library(Library.Type.SHOW, "TV Shows", 5, "D:\\Media\\TV")
                .library(Library.Type.MOVIE, "Old", 5, "/data/old")
                .build().start();
    }

    @AfterEach
    void tearDown() {
        plex.close();
    }


    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(field == null ? n.asText() : n.get(field).asText()));
        return names;
    }

    @Test
    void addDiscoversLibrariesDisabledAndRefusesTheSameServerByAnotherUrl() {
        JsonNode source = cli.ok("source", "add", "--type", "plex", "--name", "My Plex Server", "--base-url", plex.baseUrl(), "--token", TOKEN, "--json");
        assertTrue(source.get("external_id").asText().matches("plex-[0-9a-f]{12}"));
        assertEquals("********", source.get("config").get("token").asText());
        assertEquals(List.of("Movies", "Old", "TV Shows"), names(source.get("collections"), "name"));
        source.get("collections").forEach(c -> assertFalse(c.get("enabled").asBoolean()));
        JsonNode tv = source.get("collections").get(2);
        assertEquals("no mapping for D:\\Media\\TV", tv.get("not_ingestable_reasons").get(0).asText());

        CliHarness.Result again = cli.run("source", "add", "--type", "plex", "--name", "Again", "--base-url",
                plex.baseUrl().replace("127.0.0.1", "localhost"), "--token", TOKEN);
        assertEquals(5, again.code(), again::toString);
        assertTrue(again.err().startsWith("error: Plex server 'Living Room' (" + source.get("external_id").asText() + ") is already source 'My Plex Server'"),
                again::toString);
        assertFalse(again.err().contains(plex.machineIdentifier()), "the server is named, not its raw fingerprint: " + again);
    }

    @Test
    void musicAndPhotoLibrariesAreLeftOutWithAWarningTheOperatorSees() {
        plex.catalog().addLibrary(Library.Type.ARTIST, "Music", 0, "/data/music");
        CliHarness.Result added = cli.run("source", "add", "--type", "plex", "--name", "My Plex Server", "--base-url", plex.baseUrl(), "--token", TOKEN);
        assertEquals(0, added.code(), added::toString);
        assertEquals("warning: skipped the Music library: its music items are not ingested (movies and shows are)", added.err().strip());
        assertFalse(added.out().contains("collection:    Music\n"), added::toString);

        plex.catalog().addLibrary(Library.Type.PHOTO, "Holidays", 0, "/data/photos");
        CliHarness.Result discovered = cli.run("source", "discover", "My Plex Server");
        assertEquals(0, discovered.code(), discovered::toString);
        assertEquals(List.of("warning: skipped the Music library: its music items are not ingested (movies and shows are)",
                "warning: skipped the Holidays library: its photos are not ingested (movies and shows are)"), discovered.err().strip().lines().toList());
        assertTrue(discovered.out().contains("added: -"), discovered::toString);

        JsonNode json = cli.ok("source", "discover", "My Plex Server", "--json");
        assertEquals(2, json.get("warnings").size(), json.toString());
        assertEquals(List.of("Movies", "Old", "TV Shows"), names(json.get("source").get("collections"), "name"));
        cli.ok("source", "delete", "My Plex Server", "--force", "--json");
        JsonNode again = cli.ok("source", "add", "--type", "plex", "--name", "Again", "--base-url", plex.baseUrl(), "--token", TOKEN, "--json");
        assertEquals(List.of("skipped the Music library: its music items are not ingested (movies and shows are)",
                "skipped the Holidays library: its photos are not ingested (movies and shows are)"), names(again.get("warnings"), null));
    }

    @Test
    void updateChecksTheServerAgainAndRefusesAnotherOneWithoutForce() {
        cli.ok("source", "add", "--type", "plex", "--name", "My Plex Server", "--base-url", plex.baseUrl(), "--token", TOKEN, "--json");
        JsonNode moved = cli.ok("source", "update", "My Plex Server", "--base-url", plex.baseUrl().replace("127.0.0.1", "localhost"), "--json");
        assertTrue(moved.get("config").get("base_url").asText().contains("localhost"), moved.toString());
        CliHarness.Result badToken = cli.run("source", "update", "My Plex Server", "--token", "nope");
        assertEquals(1, badToken.code(), badToken::toString);
        try (FakePlexServer other = FakePlexServer.builder().token(TOKEN).library(Library.Type.MOVIE, "Films", 2, "/films").build().start()) {
            CliHarness.Result refused = cli.run("source", "update", "My Plex Server", "--base-url", other.baseUrl());
            assertEquals(5, refused.code(), refused::toString);
            assertTrue(refused.err().contains("Pass --force"), refused::toString);
            JsonNode forced = cli.ok("source", "update", "My Plex Server", "--base-url", other.baseUrl(), "--force", "--json");
            assertEquals(other.baseUrl(), forced.get("config").get("base_url").asText());
        }
    }

    @Test
    void optionsRoundTripThroughUpdateAndAnOptionalOneIsClearedBackToItsDefault() {
        cli.ok("source", "add", "--type", "plex", "--name", "P", "--base-url", plex.baseUrl(), "--token", TOKEN, "--page-size", "500",
                "--read-timeout", "12", "--json");
        JsonNode moved = cli.ok("source", "update", "P", "--connect-timeout", "7", "--json");
        assertEquals(500, moved.get("config").get("page_size").asInt(), moved.toString());
        assertEquals(12, moved.get("config").get("read_timeout").asInt());
        assertEquals(7, moved.get("config").get("connect_timeout").asInt());
        assertEquals(500, moved.get("options").get("page-size").asInt());
        assertEquals("********", moved.get("options").get("token").asText());
        JsonNode cleared = cli.ok("source", "update", "P", "--page-size", "", "--json");
        assertEquals(1000, cleared.get("config").get("page_size").asInt(), "back to the declared default: " + cleared);
        assertFalse(cleared.get("options").has("page-size"));
        CliHarness.Result required = cli.run("source", "update", "P", "--base-url", "");
        assertEquals(2, required.code(), required::toString);
        assertEquals("error: --base-url is required for type plex and cannot be cleared; give a new value", required.err().strip());
    }

    @Test
    void optionTypesAreCheckedBeforeThePluginSeesThem() {
        String[][] cases = {
                {"--base-url", "not a url", "error: --base-url: 'not a url' is not a URL; give an http:// or https:// address with a host, e.g. http://192.168.1.10:32400"},
                {"--page-size", "abc", "error: --page-size: 'abc' is not a whole number; give a whole number from 10 to 10000"},
                {"--page-size", "5", "error: --page-size: '5' is out of range; give a whole number from 10 to 10000"},
                {"--read-timeout", "0", "error: --read-timeout: '0' is out of range; give a whole number from 1 to 600"}};
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("source", "add", "--type", "plex", "--name", "P", "--base-url", plex.baseUrl(), "--token", TOKEN));
            args.addAll(List.of(c[0], c[1]));
            if (c[0].equals("--base-url")) {
                args.subList(6, 8).clear();
            }
            CliHarness.Result r = cli.run(args.toArray(String[]::new));
            assertEquals(2, r.code(), r::toString);
            assertEquals(c[2], r.err().strip());
        }
        assertEquals(0, plex.requestCount(), "the server was not contacted");
    }

    @Test
    void aSourceAddedWithoutDiscoveryIsCompletedByTheFirstDiscovery() {
        JsonNode stored = cli.ok("source", "add", "--type", "plex", "--name", "Later", "--base-url", plex.baseUrl(), "--token", TOKEN,
                "--no-discover", "--json");
        assertEquals(0, stored.get("collections").size());
        assertEquals(0, plex.requestCount(), "the server was not contacted");
        JsonNode discovered = cli.ok("source", "discover", "Later", "--json");
        assertEquals(List.of("Movies", "TV Shows", "Old"), names(discovered.get("added"), null));
        assertTrue(stored.get("identity_unverified").asBoolean(), stored.toString());
        assertFalse(discovered.get("source").get("identity_unverified").asBoolean(), discovered.toString());
        assertFalse(discovered.get("source").get("config").has("identity_unverified"), "the program's keys are not in the plugin's config");
        assertEquals(stored.get("external_id"), discovered.get("source").get("external_id"), "the external id never changes");
        CliHarness.Result twice = cli.run("source", "add", "--type", "plex", "--name", "Twice", "--base-url",
                plex.baseUrl().replace("127.0.0.1", "localhost"), "--token", TOKEN);
        assertEquals(5, twice.code(), "the discovered identity counts for duplicates: " + twice);
        CliHarness.Result filesystem = cli.run("source", "add", "--type", "filesystem", "--name", "F", "--base-path", temp.toString(), "--no-discover");
        assertEquals(2, filesystem.code(), filesystem::toString);
    }

    @Test
    void failuresStoreNothingAndNeverShowTheToken() {
        CliHarness.Result rejected = cli.run("source", "add", "--type", "plex", "--name", "P", "--base-url", plex.baseUrl(), "--token", "wrong-" + TOKEN);
        assertEquals(1, rejected.code(), rejected::toString);
        assertTrue(rejected.err().contains("rejected the token"), rejected::toString);
        plex.faults().failNext(1);
        CliHarness.Result failed = cli.run("source", "add", "--type", "plex", "--name", "P", "--base-url", plex.baseUrl(), "--token", TOKEN);
        assertEquals(1, failed.code(), failed::toString);
        assertEquals(1, failed.err().lines().count(), failed::toString);
        assertEquals("[ ]", cli.run("source", "list", "--json").out().strip());
        CliHarness.Result missingToken = cli.run("source", "add", "--type", "plex", "--name", "P", "--base-url", plex.baseUrl());
        assertEquals(2, missingToken.code(), missingToken::toString);
    }

    @Test
    void aServerThatRedirectsElsewhereIsNotAddedAndTheOtherGetsNoToken() {
        try (FakePlexServer elsewhere = FakePlexServer.builder().token(TOKEN).library(Library.Type.MOVIE, "Films", 2, "/films").build().start()) {
            plex.faults().redirectNext(1_000, elsewhere.baseUrl());
            CliHarness.Result r = cli.run("source", "add", "--type", "plex", "--name", "P", "--base-url", plex.baseUrl(), "--token", TOKEN);
            assertEquals(1, r.code(), r::toString);
            assertEquals(List.of("error: Plex at " + plex.baseUrl() + " redirected to another origin (" + elsewhere.baseUrl() + "); RetroVue"
                    + " does not send its token elsewhere: set --base-url to that server if you trust it"), r.err().lines().toList());
            assertEquals(0, elsewhere.requestCount(), "nothing went to the other server");
            assertEquals("[ ]", cli.run("source", "list", "--json").out().strip());
        }
    }

    @Test
    void aServerThatStallsMidAnswerFailsAddWithinTheReadTimeout() {
        plex.faults().setBodyStall(Faults.BodyStall.SILENT);
        long started = System.nanoTime();
        CliHarness.Result r = cli.run("source", "add", "--type", "plex", "--name", "P", "--base-url", plex.baseUrl(), "--token", TOKEN,
                "--read-timeout", "1");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0, "returned after " + took);
        assertEquals(1, r.code(), r::toString);
        assertEquals(List.of("error: Plex at " + plex.baseUrl() + " stopped sending its answer to /identity midway and did not finish it"
                + " within 1 s; the server may be busy (raise --read-timeout) or stuck"), r.err().lines().toList());
        assertEquals("[ ]", cli.run("source", "list", "--json").out().strip());
    }

    @Test
    void rediscoveryAddsRenamesAndMarksMissingKeepingIdsFlagsAndMappings() throws Exception {
        cli.ok("source", "add", "--type", "plex", "--name", "My Plex Server", "--base-url", plex.baseUrl(), "--token", TOKEN, "--json");
        Path tvHere = Files.createDirectories(temp.resolve("nas/tv"));
        JsonNode tv = cli.ok("source", "mapping", "add", "My Plex Server/TV Shows", "D:\\Media\\TV", tvHere.toString(), "--json");
        assertTrue(tv.get("ingestable").asBoolean(), tv.toString());
        cli.ok("source", "enable", "TV Shows", "--json");

        String tvKey = tv.get("external_id").asText();
        plex.catalog().renameLibrary(tvKey, "Television");
        plex.catalog().removeLibrary("3"); // "Old", the third library the server was built with
        plex.catalog().addLibrary(Library.Type.MOVIE, "Music Videos", 3, "/data/mv");

        JsonNode changes = cli.ok("source", "discover", "My Plex Server", "--json");
        assertEquals(List.of("Music Videos"), names(changes.get("added"), null));
        assertEquals(List.of("TV Shows -> Television"), names(changes.get("updated"), null));
        assertEquals(List.of("Old"), names(changes.get("missing"), null));
        assertEquals(1, changes.get("unchanged").asInt());

        JsonNode television = null;
        for (JsonNode c : changes.get("source").get("collections")) {
            if (c.get("name").asText().equals("Television")) {
                television = c;
            }
            if (c.get("name").asText().equals("Old")) {
                assertFalse(c.get("ingestable").asBoolean());
            }
        }
        assertEquals(tv.get("id"), television.get("id"), "a renamed library keeps its id");
        assertTrue(television.get("enabled").asBoolean(), "and its enabled flag");
        assertEquals(1, television.get("path_mappings").size(), "and its mappings");

        JsonNode second = cli.ok("source", "discover", "My Plex Server", "--json");
        assertEquals(0, second.get("added").size() + second.get("updated").size() + second.get("missing").size(), second.toString());
        assertEquals(4, second.get("unchanged").asInt());
    }
}
