package org.retrovue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retrovue.fakeplex.FakePlexServer;
import org.retrovue.fakeplex.Library;

/** {@code source ingest} and {@code source assets} end to end: a directory tree and the Plex test server. */
class IngestCommandIT {
    private static final String TOKEN = "plex-token-that-must-never-show";

    @TempDir
    Path temp;
    private CliHarness cli;
    private FakePlexServer plex;
    private Path localMovies;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliHarness(temp.resolve("data")).neverShowing(TOKEN);
        plex = FakePlexServer.builder().token(TOKEN)
                .library(Library.Type.MOVIE, "Movies", 2_500, "/data/movies")
                .library(Library.Type.SHOW, "TV Shows", 1_200, "/data/tv")
                .build().start();
        localMovies = Files.createDirectories(temp.resolve("nas/movies"));
        Files.createDirectories(temp.resolve("nas/tv"));
    }

    @AfterEach
    void tearDown() {
        plex.close();
    }


    private void plexSource(String... extra) {
        String[] args = {"source", "add", "--type", "plex", "--name", "My Plex", "--base-url", plex.baseUrl(), "--token", TOKEN, "--read-timeout", "2"};
        String[] all = java.util.Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        cli.ok(java.util.stream.Stream.concat(java.util.Arrays.stream(all), java.util.stream.Stream.of("--json")).toArray(String[]::new));
        cli.ok("source", "mapping", "add", "My Plex/Movies", "/data/movies", localMovies.toString(), "--json");
        cli.ok("source", "mapping", "add", "My Plex/TV Shows", "/data/tv", temp.resolve("nas/tv").toString(), "--json");
        cli.ok("source", "enable", "My Plex/Movies", "--json");
        cli.ok("source", "enable", "My Plex/TV Shows", "--json");
    }

    private static JsonNode collection(JsonNode report, String name) {
        for (JsonNode c : report.get("collections")) {
            if (c.get("collection").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no " + name + " in " + report);
    }

    @Test
    void aCollectionIsNamedAsSourceSlashCollectionAsInEnableAndAssets() throws Exception {
        plexSource();
        JsonNode report = cli.ok("source", "ingest", "My Plex/TV Shows", "--json");
        assertEquals(1, report.get("collections").size(), report::toString);
        assertEquals("TV Shows", report.get("collections").get(0).get("collection").asText());
        CliHarness.Result none = cli.run("source", "ingest", "My Plex/Music");
        assertEquals(3, none.code(), none::toString);
        assertEquals("error: no collection matches 'My Plex/Music'; see `retrovue source collections`", none.err().strip());
    }

    @Test
    void aDryRunSaysWouldIngestAFileThatAppearsIsFoundAndFullCountsOnlyRealChanges() throws Exception {
        plexSource();
        cli.ok("source", "disable", "My Plex/TV Shows", "--json");
        assertEquals("would_ingest", collection(cli.ok("source", "ingest", "My Plex", "--dry-run", "--json"), "Movies").get("status").asText());
        CliHarness.Result dryText = cli.run("source", "ingest", "My Plex", "--dry-run");
        assertTrue(dryText.out().lines().anyMatch(l -> l.matches("My Plex\\s+Movies\\s+would_ingest\\s+2,500\\s+2,500\\s.*")), dryText::toString);
        cli.ok("source", "ingest", "My Plex", "--json");

        JsonNode item = cli.ok("source", "assets", "My Plex/Movies", "--limit", "1", "--json").get(0);
        assertFalse(item.get("file_present").asBoolean(), item::toString);
        Path file = Path.of(item.get("local_path").asText());
        Files.createDirectories(file.getParent());
        Files.writeString(file, "the mount is back");
        JsonNode movies = collection(cli.ok("source", "ingest", "My Plex", "--json"), "Movies");
        assertEquals("unchanged", movies.get("status").asText(), movies::toString);
        assertEquals(List.of(1L, 2_499L), List.of(movies.get("counts").get("changed").asLong(), movies.get("counts").get("file_not_found").asLong()),
                movies::toString);
        assertTrue(cli.ok("source", "assets", "My Plex/Movies", "--limit", "1", "--json").get(0).get("file_present").asBoolean());

        JsonNode full = collection(cli.ok("source", "ingest", "My Plex", "--full", "--json"), "Movies").get("counts");
        assertEquals(List.of(2_500L, 0L, 2_500L), List.of(full.get("seen").asLong(), full.get("changed").asLong(), full.get("unchanged").asLong()),
                full::toString);
    }

    @Test
    void plexLibrariesAreIngestedPageByPageAndAnUnchangedLibraryCostsOneRequest() throws Exception {
        plexSource("--page-size", "500");
        long before = plex.requestCount();
        JsonNode report = cli.ok("source", "ingest", "My Plex", "--json");
        JsonNode movies = collection(report, "Movies");
        assertEquals("ingested", movies.get("status").asText(), report::toString);
        assertEquals(2_500, movies.get("counts").get("new").asLong());
        assertEquals(1_200, collection(report, "TV Shows").get("counts").get("new").asLong(), "episodes");
        assertEquals(2_500 + 1_200, movies.get("counts").get("file_not_found").asLong() + collection(report, "TV Shows").get("counts").get("file_not_found").asLong(),
                "no file is on this machine: stored, flagged");
        long listing = plex.requestCount() - before;
        assertEquals(2 + 5 + 3, listing, "one sections request per library, then pages of 500");

        JsonNode episode = cli.ok("source", "assets", "My Plex/TV Shows", "--limit", "1", "--json").get(0);
        assertEquals("episode", episode.get("kind").asText());
        assertTrue(episode.get("remote_path").asText().startsWith("/data/tv/"), episode::toString);
        assertTrue(episode.get("local_path").asText().startsWith(temp.resolve("nas/tv").toString()), "translated through the mapping: " + episode);
        assertFalse(episode.get("file_present").asBoolean());
        assertTrue(episode.get("season").asInt() >= 1 && episode.get("episode").asInt() >= 1 && episode.get("duration_ms").asLong() > 0, episode::toString);

        before = plex.requestCount();
        JsonNode again = cli.ok("source", "ingest", "My Plex", "--json");
        assertEquals("unchanged", collection(again, "Movies").get("status").asText(), again::toString);
        assertEquals(2, plex.requestCount() - before, "an unchanged library is not listed");

        String moviesKey = plex.catalog().libraries().getFirst().key();
        plex.catalog().touchItems(moviesKey, 10, 7);
        JsonNode touched = cli.ok("source", "ingest", "My Plex", "Movies", "--json");
        JsonNode counts = collection(touched, "Movies").get("counts");
        assertEquals(7, counts.get("changed").asLong(), touched::toString);
        assertEquals(2_493, counts.get("unchanged").asLong());
        JsonNode shown = cli.ok("source", "collections", "My Plex", "--json");
        assertEquals(2_500, shown.get(0).get("assets").get("present").asLong(), shown::toString);
        assertEquals("ok", shown.get(0).get("last_ingest").get("outcome").asText());
    }

    @Test
    void aServerThatStopsAnsweringFailsItsCollectionsWithExit1AndTheOthersGoOn() throws Exception {
        plexSource();
        Path tree = Files.createDirectories(temp.resolve("tree"));
        Files.writeString(tree.resolve("a.mkv"), "a");
        cli.ok("source", "add", "--type", "filesystem", "--name", "Tree", "--base-path", tree.toString(), "--json");
        cli.ok("source", "enable", "Tree/tree", "--json");
        plex.faults().setStall(true);
        CliHarness.Result r = cli.run("source", "ingest", "--json");
        assertEquals(1, r.code(), r::toString);
        assertEquals(2, r.err().lines().count(), "one line per failed collection: " + r);
        assertTrue(r.err().lines().allMatch(l -> l.startsWith("error: My Plex/") && l.contains("did not answer within 2 s")), r::toString);
        assertTrue(r.err().contains("(tried 4 times)"), "retried with backoff, then failed: " + r);
        assertEquals("failed", collection(r.json(), "Movies").get("status").asText());
        assertTrue(collection(r.json(), "TV Shows").get("counts").isNull(), "not scanned once its source stopped answering: no counts: " + r);
        assertEquals("ingested", collection(r.json(), "tree").get("status").asText());
        JsonNode lastIngest = cli.ok("source", "collections", "My Plex", "--json").get(0).get("last_ingest");
        assertEquals("failed", lastIngest.get("outcome").asText(), lastIngest::toString);
        assertTrue(lastIngest.get("error").asText().contains("did not answer within 2 s"), lastIngest::toString);
        assertFalse(lastIngest.get("counts").has("error"), "the reason is beside the counts, not one of them: " + lastIngest);
        assertEquals(1, cli.ok("source", "assets", "Tree/tree", "--json").size());
    }

    @Test
    void aLibraryListedShortOfItsAnnouncedTotalFailsAndMarksNothingMissing() throws Exception {
        plexSource();
        assertEquals(2_500, collection(cli.ok("source", "ingest", "My Plex", "Movies", "--json"), "Movies").get("counts").get("new").asLong());
        plex.faults().setItemsServed(1_000);
        CliHarness.Result r = cli.run("source", "ingest", "My Plex", "Movies", "--full", "--json");
        assertEquals(1, r.code(), r::toString);
        assertEquals(List.of("error: My Plex/Movies: Plex at " + plex.baseUrl() + " ended library 'Movies' after 1000 of the 2500 items it"
                + " announced; nothing was marked missing; scan again later"), r.err().lines().toList());
        JsonNode movies = collection(r.json(), "Movies");
        assertEquals("failed", movies.get("status").asText(), r::toString);
        assertEquals(0, movies.get("counts").path("missing").asLong(), movies::toString);
        JsonNode shown = cli.ok("source", "collections", "My Plex", "--json").get(0);
        assertEquals(2_500, shown.get("assets").get("present").asLong(), shown::toString);
        assertEquals(0, shown.get("assets").get("missing").asLong(), shown::toString);
        assertEquals("failed", shown.get("last_ingest").get("outcome").asText(), shown::toString);
    }

    @Test
    void withDebugAFailedCollectionPrintsItsStackTraceAfterItsLine() throws Exception {
        plexSource();
        plex.faults().setItemsServed(1_000);
        CliHarness.Result r = cli.run("--debug", "source", "ingest", "My Plex", "Movies");
        assertEquals(1, r.code(), r::toString);
        List<String> lines = r.err().lines().toList();
        assertTrue(lines.getFirst().startsWith("error: My Plex/Movies: Plex at ") && lines.getFirst().contains("ended library 'Movies'"), r::toString);
        assertTrue(lines.get(1).contains("SourceException") && lines.stream().anyMatch(l -> l.startsWith("\tat org.retrovue.plugin.plex.")), r::toString);
        CliHarness.Result plain = cli.run("source", "ingest", "My Plex", "Movies");
        assertEquals(1, plain.err().lines().count(), "without --debug, the one line: " + plain);
    }

    @Test
    void transientServerErrorsAreRetried() throws Exception {
        plexSource();
        plex.faults().failNext(2);
        JsonNode report = cli.ok("source", "ingest", "My Plex", "Movies", "--json");
        assertEquals(2_500, collection(report, "Movies").get("counts").get("new").asLong(), report::toString);
    }

    @Test
    void warningsGoToStderrInTextAndStayInTheJsonDocument() throws Exception {
        Files.writeString(localMovies.resolve("x.mkv"), "x");
        Files.createSymbolicLink(localMovies.resolve("old.mkv"), localMovies.resolve("gone.mkv"));
        cli.ok("source", "add", "--type", "filesystem", "--name", "Local", "--base-path", localMovies.toString(), "--follow-links", "yes", "--json");
        cli.ok("source", "enable", "Local/movies", "--json");
        CliHarness.Result text = cli.run("source", "ingest");
        assertEquals(0, text.code(), text::toString);
        assertEquals(List.of("warning: Local/movies: skipped a symbolic link that leads to nothing: old.mkv"), text.err().lines().toList());
        assertFalse(text.out().contains("warning"), text::toString);
        CliHarness.Result json = cli.run("source", "ingest", "--json");
        assertEquals("", json.err(), json::toString);
        assertEquals("skipped a symbolic link that leads to nothing: old.mkv", collection(json.json(), "movies").get("warnings").get(0).asText());
    }

    @Test
    void textOutputAndBadInput() throws Exception {
        Files.writeString(localMovies.resolve("x.mkv"), "x");
        cli.ok("source", "add", "--type", "filesystem", "--name", "Local", "--base-path", localMovies.toString(), "--json");
        CliHarness.Result skipped = cli.run("source", "ingest");
        assertEquals(0, skipped.code(), skipped::toString);
        assertTrue(skipped.out().contains("Local/movies: disabled; enable it with `retrovue source enable Local/movies`"), skipped::toString);
        cli.ok("source", "enable", "Local/movies", "--json");
        CliHarness.Result text = cli.run("source", "ingest", "Local");
        assertTrue(text.out().lines().anyMatch(l -> l.matches("Local\\s+movies\\s+ingested\\s+1\\s+1\\s+0\\s+0\\s+-\\s+0\\s+.*")), text::toString);
        CliHarness.Result dry = cli.run("source", "ingest", "--dry-run");
        assertTrue(dry.out().contains("dry run: nothing was written"), dry::toString);
        assertEquals(3, cli.run("source", "ingest", "Local", "nope").code());
        assertEquals(3, cli.run("source", "ingest", "nobody").code());
        assertEquals(2, cli.run("source", "ingest", "--parallel", "0").code());
        assertEquals(2, cli.run("source", "assets", "Local/movies", "--limit", "-1").code());
        CliHarness.Result assets = cli.run("source", "assets", "Local/movies");
        assertTrue(assets.out().contains("x.mkv") && assets.out().contains("present"), assets::toString);
    }
}
