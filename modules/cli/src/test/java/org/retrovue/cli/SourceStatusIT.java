package org.retrovue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** {@code source status} against the Plex test server (taking the token, refusing it, stalled, down) and directories. */
class SourceStatusIT {
    private static final String TOKEN = "plex-token-that-must-never-show";

    @TempDir
    Path temp;
    private CliHarness cli;
    private FakePlexServer plex;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(temp.resolve("data")).neverShowing(TOKEN);
        plex = FakePlexServer.builder().token(TOKEN).friendlyName("Living Room")
                .library(Library.Type.MOVIE, "Movies", 3, "/data/movies")
                .build().start();
    }

    @AfterEach
    void tearDown() {
        plex.close();
    }

    private JsonNode source(JsonNode status, String name) {
        for (JsonNode s : status.get("sources")) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError(name + " is not in " + status);
    }

    private JsonNode status(int expectedCode, String... more) {
        String[] args = new String[more.length + 3];
        args[0] = "source";
        args[1] = "status";
        System.arraycopy(more, 0, args, 2, more.length);
        args[args.length - 1] = "--json";
        CliHarness.Result r = cli.run(args);
        assertEquals(expectedCode, r.code(), r::toString);
        assertEquals("", r.err(), r::toString);
        return r.json();
    }

    @Test
    void healthySourcesExitZeroAndTellTheServersNameAndVersion() throws Exception {
        Path movies = Files.createDirectories(temp.resolve("media/movies"));
        Files.writeString(movies.resolve("Alien (1979).mkv"), "video");
        cli.ok("source", "add", "--type", "filesystem", "--name", "Media", "--base-path", movies.toString(), "--json");
        cli.ok("source", "enable", "Media/movies", "--json");
        cli.ok("source", "ingest", "Media", "--json");
        cli.ok("source", "add", "--type", "plex", "--name", "Home Plex", "--base-url", plex.baseUrl(), "--token", TOKEN, "--json");

        JsonNode status = status(0);
        assertTrue(status.get("healthy").asBoolean(), status::toString);
        JsonNode home = source(status, "Home Plex");
        assertEquals("healthy", home.get("health").asText());
        assertEquals("ok", home.get("reachable").asText());
        assertEquals("ok", home.get("credentials").asText());
        assertEquals("Living Room", home.get("server_name").asText());
        assertTrue(home.get("server_version").asText().startsWith("1."), home::toString);
        assertEquals("disabled", home.get("collections").get(0).get("health").asText(), "a disabled collection is not judged");
        JsonNode media = source(status, "Media");
        assertEquals("not_applicable", media.get("credentials").asText());
        JsonNode collection = media.get("collections").get(0);
        assertEquals("healthy", collection.get("health").asText());
        assertEquals(1, collection.get("assets").get("present").asInt());
        assertEquals("ok", collection.get("last_ingest").get("outcome").asText());
        assertTrue(collection.get("last_ingest").get("age_seconds").asLong() >= 0);

        CliHarness.Result text = cli.run("source", "status");
        assertEquals(0, text.code(), text::toString);
        List<String> lines = text.out().lines().toList();
        assertTrue(lines.getFirst().matches("SOURCE +TYPE +HEALTH +REACHABLE +CREDENTIALS +SERVER +PROBLEM"), text::toString);
        assertTrue(text.out().contains("Living Room 1."), text::toString);
        assertTrue(text.out().lines().anyMatch(l -> l.matches("SOURCE +COLLECTION +HEALTH +INGESTABLE +LAST INGEST +ASSETS")), text::toString);
        assertTrue(text.out().lines().anyMatch(l -> l.matches("Media +movies +healthy +yes +ok, \\d+ s ago +1 present, 0 missing")), text::toString);
    }

    @Test
    void aRefusedTokenIsUnhealthyAndExitsOne() {
        cli.ok("source", "add", "--type", "plex", "--name", "Wrong Token", "--base-url", plex.baseUrl(), "--token", "not-the-token",
                "--no-discover", "--json");
        JsonNode status = status(1);
        assertTrue(!status.get("healthy").asBoolean(), status::toString);
        JsonNode wrong = source(status, "Wrong Token");
        assertEquals("unhealthy", wrong.get("health").asText());
        assertEquals("ok", wrong.get("reachable").asText());
        assertEquals("failed", wrong.get("credentials").asText());
        assertTrue(wrong.get("problem").asText().contains("rejected the token"), wrong::toString);
        assertTrue(wrong.get("server_version").asText().startsWith("1."), "the version is told without the token: " + wrong);
    }

    @Test
    void aStalledServerAndAStoppedOneAreUnreachableEachWithinItsOwnTimeouts() {
        cli.ok("source", "add", "--type", "plex", "--name", "Stalled", "--base-url", plex.baseUrl(), "--token", TOKEN,
                "--read-timeout", "1", "--json");
        FakePlexServer down = FakePlexServer.builder().token(TOKEN).build().start();
        cli.ok("source", "add", "--type", "plex", "--name", "Down", "--base-url", down.baseUrl(), "--token", TOKEN, "--json");
        down.close();
        plex.faults().setStall(true);

        JsonNode status = status(1);
        JsonNode stalled = source(status, "Stalled");
        assertEquals("failed", stalled.get("reachable").asText());
        assertEquals("not_checked", stalled.get("credentials").asText());
        assertTrue(stalled.get("problem").asText().contains("did not answer within 1 s"), stalled::toString);
        JsonNode gone = source(status, "Down");
        assertEquals("failed", gone.get("reachable").asText());
        assertTrue(gone.get("problem").asText().contains("refused the connection"), gone::toString);
    }

    @Test
    void aDirectoryGoneAndACollectionThatCannotBeIngestedAreUnhealthy() throws Exception {
        Path movies = Files.createDirectories(temp.resolve("media/movies"));
        cli.ok("source", "add", "--type", "filesystem", "--name", "Media", "--base-path", movies.toString(), "--json");
        cli.ok("source", "add", "--type", "plex", "--name", "Home Plex", "--base-url", plex.baseUrl(), "--token", TOKEN, "--json");
        cli.ok("source", "enable", "Home Plex/Movies", "--json"); // no mapping for /data/movies: not ingestable

        JsonNode plexOnly = status(1, "Home Plex");
        assertEquals(1, plexOnly.get("sources").size(), "SOURCE names one source");
        JsonNode home = plexOnly.get("sources").get(0);
        assertEquals("healthy", home.get("health").asText(), "the server itself is fine");
        assertEquals("unhealthy", home.get("collections").get(0).get("health").asText());
        assertTrue(home.get("collections").get(0).get("not_ingestable_reasons").get(0).asText().startsWith("no mapping for /data/movies"), home::toString);

        assertEquals("healthy", status(0, "Media").get("sources").get(0).get("health").asText());
        Files.delete(movies);
        JsonNode media = status(1, "Media").get("sources").get(0);
        assertEquals("failed", media.get("reachable").asText());
        assertTrue(media.get("problem").asText().contains("does not exist"), media::toString);

        CliHarness.Result unknown = cli.run("source", "status", "Nothing");
        assertEquals(3, unknown.code(), unknown::toString);
    }
}
