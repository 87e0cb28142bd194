package org.retrovue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code source assets}: pages (--limit, --offset) with a line on stderr when some are left out, and --path. */
class SourceAssetsIT {
    private static final String MOVIES = "Library/movies";

    @TempDir
    Path temp;
    private CliHarness cli;
    private Path movies;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliHarness(temp.resolve("data"));
        movies = Files.createDirectories(temp.resolve("movies"));
        for (int i = 0; i < 1_000; i++) {
            Files.writeString(movies.resolve(String.format("f%04d.mkv", i)), "x");
        }
        for (String name : List.of("100% done.mkv", "a_b.mkv", "axb.mkv")) {
            Files.writeString(movies.resolve(name), "x");
        }
        ok("source", "add", "--type", "filesystem", "--name", "Library", "--base-path", movies.toString());
        ok("source", "enable", MOVIES);
        ok("source", "ingest");
    }

    private CliHarness.Result ok(String... args) {
        CliHarness.Result r = cli.run(args);
        assertEquals(0, r.code(), r::toString);
        return r;
    }

    private static List<String> keys(CliHarness.Result r) {
        List<String> keys = new ArrayList<>();
        for (JsonNode asset : r.json()) {
            keys.add(asset.get("key").asText());
        }
        return keys;
    }

    @Test
    void theDefaultHundredSaysOnStderrThatThereIsMore() {
        CliHarness.Result text = ok("source", "assets", MOVIES);
        assertEquals(101, text.out().lines().count(), "a header and 100 rows: " + text);
        assertEquals("100 of 1,003 items shown; --offset 100 for the next page, --limit 0 for all\n", text.err());
        CliHarness.Result json = ok("source", "assets", MOVIES, "--json");
        assertEquals(100, json.json().size(), "still an array of items");
        assertEquals(text.err(), json.err(), "the same line beside JSON");
        CliHarness.Result all = ok("source", "assets", MOVIES, "--limit", "0", "--json");
        assertEquals(1_003, all.json().size());
        assertEquals("", all.err(), "nothing left out, nothing said");
        assertEquals("", ok("source", "assets", MOVIES, "--limit", "1003", "--json").err(), "exactly all: nothing left out");
    }

    @Test
    void pagesFollowOneAnotherWithoutGapOrOverlap() {
        List<String> all = keys(ok("source", "assets", MOVIES, "--limit", "0", "--json"));
        List<String> paged = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int offset = 0; offset < 1_003; offset += 400) {
            CliHarness.Result page = ok("source", "assets", MOVIES, "--limit", "400", "--offset", Integer.toString(offset), "--json");
            paged.addAll(keys(page));
            notes.add(page.err());
        }
        assertEquals(all, paged);
        assertEquals(List.of("400 of 1,003 items shown; --offset 400 for the next page, --limit 0 for all\n",
                "items 401 to 800 of 1,003 shown; --offset 800 for the next page, --limit 0 for all\n",
                "items 801 to 1,003 of 1,003 shown: the last page\n"), notes);
        assertEquals(all.subList(99, 101), keys(ok("source", "assets", MOVIES, "--limit", "2", "--offset", "99", "--json")), "across the default page's end");
        CliHarness.Result rest = ok("source", "assets", MOVIES, "--limit", "0", "--offset", "1000", "--json");
        assertEquals(all.subList(1_000, 1_003), keys(rest));
        assertEquals("items 1,001 to 1,003 of 1,003 shown: the last page\n", rest.err());
    }

    @Test
    void anOffsetPastTheEndSaysHowManyThereAre() {
        CliHarness.Result text = ok("source", "assets", MOVIES, "--offset", "5000");
        assertEquals("No items from --offset 5000 on: there are 1,003.\n", text.out());
        assertEquals("", text.err());
        CliHarness.Result json = ok("source", "assets", MOVIES, "--offset", "5000", "--json");
        assertEquals(0, json.json().size());
        assertEquals("no items from --offset 5000 on: there are 1,003\n", json.err());
    }

    @Test
    void aBadOffsetIsAUsageError() {
        for (String bad : List.of("-1", "x", "")) {
            CliHarness.Result r = cli.run("source", "assets", MOVIES, "--offset", bad);
            assertEquals(2, r.code(), r::toString);
            assertEquals("", r.out(), r::toString);
            assertEquals("error: --offset takes a whole number, 0 or more, not '" + bad + "'", r.err().strip(), r::toString);
        }
    }

    @Test
    void pathIsAGlobOnTheWholeLocalPathWithLikeWildcardsTakenLiterally() throws IOException {
        String root = movies.toRealPath().toString();
        assertEquals(List.of("a_b.mkv"), keys(ok("source", "assets", MOVIES, "--path", "*/a_b.mkv", "--json")), "_ is not a wildcard");
        assertEquals(List.of("100% done.mkv"), keys(ok("source", "assets", MOVIES, "--path", "*0% *", "--json")), "% is not a wildcard");
        assertEquals(List.of("a_b.mkv", "axb.mkv"), keys(ok("source", "assets", MOVIES, "--path", root + "/a?b.mkv", "--json")).stream().sorted().toList());
        assertEquals(10, ok("source", "assets", MOVIES, "--path", root + "/f000?.mkv", "--json").json().size());
        assertEquals(0, ok("source", "assets", MOVIES, "--path", "a_b.mkv", "--json").json().size(), "the whole path, not its end");
        assertEquals(0, ok("source", "assets", MOVIES, "--path", "*/A_B.MKV", "--json").json().size(), "case counts");
        CliHarness.Result none = ok("source", "assets", MOVIES, "--path", "*/nothing*");
        assertEquals("No items whose local path matches '*/nothing*'.\n", none.out());
        CliHarness.Result paged = ok("source", "assets", MOVIES, "--path", root + "/f0*", "--limit", "300");
        assertEquals("300 of 1,000 items shown; --offset 300 for the next page, --limit 0 for all\n", paged.err(), "counted with the filter");
    }

    @Test
    void pathAndMissingTogether() throws IOException {
        for (int i = 0; i < 150; i++) {
            Files.delete(movies.resolve(String.format("f%04d.mkv", i)));
        }
        Files.delete(movies.resolve("a_b.mkv"));
        ok("source", "ingest");
        CliHarness.Result missing = ok("source", "assets", MOVIES, "--missing", "--json");
        assertEquals(100, missing.json().size());
        assertEquals("100 of 151 items shown; --offset 100 for the next page, --limit 0 for all\n", missing.err());
        CliHarness.Result both = ok("source", "assets", MOVIES, "--missing", "--path", "*/f01??.mkv", "--json");
        assertEquals(50, both.json().size(), both::toString);
        assertTrue(keys(both).stream().allMatch(k -> k.matches("f01[0-4]\\d\\.mkv")), both::toString);
        assertEquals("", both.err());
        assertEquals("No missing items whose local path matches '*/x\\x1b.mkv'.\n", ok("source", "assets", MOVIES, "--missing", "--path", "*/x\u001b.mkv").out());
    }
}
