package org.retrovue.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.retrovue.image.ImageProcess.Run;

/**
 * Issue 16 from the built image: a filesystem library of real media files (the ffprobe plugin's fixtures) is
 * ingested with the built-in {@code ffprobe} enricher. Without ffprobe the fast path fills MP4 and Matroska files
 * and the others wait for it, but for the empty file, which fails without it; once it is there, {@code source enrich} fills them and the bad files get reasons.
 */
class EnrichIngestIT {
    private static final Path FIXTURES = Path.of("../plugins/ffprobe/src/test/fixtures/media").toAbsolutePath().normalize();
    private static Path image;
    private static Path work;
    private static Path library;

    @BeforeAll
    static void setUp() throws Exception {
        image = Path.of(System.getProperty("retrovue.image", "target/retrovue")).toAbsolutePath();
        work = Path.of(System.getProperty("retrovue.test.workdir", "target/smoke-work")).toAbsolutePath().resolve("enrich-" + UUID.randomUUID());
        library = work.resolve("media");
        copy("h264-aac-faststart.mp4", "Movies/Good (2001)/Good (2001).mp4");
        copy("hevc-ac3-51.mkv", "Shows/Firefly/Season 01/Firefly - S01E01 - Serenity.mkv");
        copy("mpeg4-mp3.avi", "Movies/Old (1990).avi");
        copy("bad-text.mp4", "Movies/Broken (1999).mp4");
        copy("bad-zero-bytes.mp4", "Movies/Empty (2000).mp4");
    }

    private static void copy(String fixture, String to) throws IOException {
        Path target = library.resolve(to);
        Files.createDirectories(target.getParent());
        Files.copy(FIXTURES.resolve(fixture), target);
    }

    @AfterAll
    static void tearDown() throws Exception {
        assertEquals(0, run(Map.of(), "db", "stop").code());
    }

    private static Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Map<String, String> all = new HashMap<>(env);
        all.put("RETROVUE_RESIDENT", "off"); // each command sees the environment given here, RETROVUE_FFPROBE included
        return ImageProcess.run(image, work.resolve("data"), all, List.of(), "", args);
    }

    private static Map<String, JsonNode> assets(Map<String, String> env) throws Exception {
        Run listed = run(env, "source", "assets", "Media/media", "--limit", "0", "--json");
        assertEquals(0, listed.code(), listed::toString);
        Map<String, JsonNode> byKey = new TreeMap<>();
        listed.json().forEach(a -> byKey.put(a.get("key").asText(), a));
        return byKey;
    }

    @Test
    void anIngestEnrichesWhatTheFastPathReadsAndTheRestWaitsForFfprobe() throws Exception {
        Map<String, String> noFfprobe = Map.of("RETROVUE_FFPROBE", work.resolve("no-such-ffprobe").toString());
        Run added = run(noFfprobe, "source", "add", "--type", "filesystem", "--name", "Media", "--base-path", library.toString(),
                "--enrichers", "ffprobe", "--json");
        assertEquals(0, added.code(), added::toString);
        assertEquals(0, run(noFfprobe, "source", "enable", "Media/media", "--json").code());
        Run ingest = run(noFfprobe, "source", "ingest", "--json");
        assertEquals(0, ingest.code(), ingest::toString);
        JsonNode counts = ingest.json().get("collections").get(0).get("counts");
        assertEquals(5, counts.get("to_enrich").asInt(), counts::toString);
        assertEquals(2, counts.get("enriched").asInt(), "MP4 and Matroska through the fast path: " + counts);
        assertEquals(1, counts.get("enrich_failed").asInt(), "the empty file needs no ffprobe to fail: " + counts);
        assertEquals(2, counts.get("enrich_waiting").asInt(), counts::toString);
        String warnings = ingest.json().get("collections").get(0).get("warnings").toString();
        assertTrue(warnings.contains("2 item(s) wait for enricher 'ffprobe'"), warnings);
        assertTrue(warnings.contains("enricher 'ffprobe' failed: the file is empty"), warnings);

        Map<String, JsonNode> stored = assets(noFfprobe);
        JsonNode good = stored.get("Movies/Good (2001)/Good (2001).mp4");
        assertTrue(good.get("ready").asBoolean(), good::toString);
        assertEquals("h264", good.get("media").get("video_codec").asText());
        assertTrue(good.get("duration_ms").asLong() > 0, good::toString);
        JsonNode episode = stored.get("Shows/Firefly/Season 01/Firefly - S01E01 - Serenity.mkv");
        assertEquals(List.of("hevc", "ac3", "6"), List.of(episode.get("media").get("video_codec").asText(),
                episode.get("media").get("audio_codec").asText(), episode.get("media").get("audio_channels").asText()));
        assertEquals("[\"ffprobe@1\"]", episode.get("enrichment").get("enriched_with").toString());
        JsonNode old = stored.get("Movies/Old (1990).avi");
        assertFalse(old.get("ready").asBoolean());
        assertEquals("declined", old.get("enrichment").get("results").get("ffprobe").get("outcome").asText());

        Run notReady = run(noFfprobe, "source", "assets", "Media/media", "--not-ready");
        assertEquals(0, notReady.code(), notReady::toString);
        assertTrue(notReady.out().lines().findFirst().orElseThrow().matches("KEY\\s+KIND\\s+STATE\\s+SIZE\\s+DURATION\\s+RESOLUTION\\s+CODEC\\s+READY"
                + "\\s+LOCAL PATH\\s+WHY NOT READY"), notReady::toString);
        assertEquals(4, notReady.out().lines().count(), "the two waiting items and the empty one: " + notReady);

        Run rescan = run(noFfprobe, "source", "ingest", "--json");
        assertEquals(2, rescan.json().get("collections").get(0).get("counts").get("to_enrich").asInt(),
                "filled and failed items are not enriched again; waiting ones are tried again: " + rescan);

        Assumptions.assumeTrue(onPath("ffprobe"), "ffprobe is not installed here (Debian's ffmpeg package): the rest needs it");
        Run enrich = run(Map.of(), "source", "enrich", "Media", "--json");
        assertEquals(0, enrich.code(), enrich::toString);
        JsonNode done = enrich.json().get("collections").get(0);
        assertEquals("enriched", done.get("status").asText());
        assertEquals(List.of(2, 1, 1, 0), List.of(done.get("counts").get("to_enrich").asInt(), done.get("counts").get("enriched").asInt(),
                done.get("counts").get("enrich_failed").asInt(), done.get("counts").get("enrich_waiting").asInt()), done::toString);
        stored = assets(Map.of());
        assertEquals("mpeg4", stored.get("Movies/Old (1990).avi").get("media").get("video_codec").asText());
        assertTrue(stored.get("Movies/Old (1990).avi").get("ready").asBoolean());
        JsonNode broken = stored.get("Movies/Broken (1999).mp4");
        assertEquals("failed", broken.get("enrichment").get("results").get("ffprobe").get("outcome").asText());
        assertTrue(broken.get("not_ready_reason").asText().startsWith("duration unknown: enricher 'ffprobe' failed: ffprobe cannot read it: "), broken::toString);
        assertEquals("duration unknown: enricher 'ffprobe' failed: the file is empty", stored.get("Movies/Empty (2000).mp4").get("not_ready_reason").asText());

        Run text = run(Map.of(), "source", "enrich", "Media");
        assertEquals(0, text.code(), text::toString);
        assertTrue(text.out().contains("nothing to enrich"), text::toString);
        Run full = run(Map.of(), "source", "enrich", "Media", "--full", "--json");
        assertEquals(5, full.json().get("collections").get(0).get("counts").get("to_enrich").asInt(), full::toString);
        assertEquals(2, full.json().get("collections").get(0).get("warnings").size(), "one line per failed item: " + full);
    }

    /**
     * A kill -9 while enriching keeps every committed item, whole, and the next run enriches exactly the rest. The
     * ffprobe here is a script that answers for an AVI after 0.1 s and counts its calls.
     */
    @Test
    void aKillDuringEnrichmentKeepsWhatWasCommittedAndTheNextRunDoesTheRest() throws Exception {
        Path tapes = Files.createDirectories(work.resolve("tapes"));
        for (int i = 0; i < 120; i++) {
            Files.copy(FIXTURES.resolve("mpeg4-mp3.avi"), tapes.resolve(String.format("Tape %03d.avi", i)));
        }
        Path calls = work.resolve("ffprobe-calls");
        Path ffprobe = work.resolve("slow-ffprobe");
        Files.writeString(ffprobe, "#!/bin/sh\necho x >> '" + calls + "'\nsleep 0.1\ncat '" + FIXTURES.resolve("mpeg4-mp3.avi.ffprobe.json") + "'\n");
        Files.setPosixFilePermissions(ffprobe, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = Map.of("RETROVUE_FFPROBE", ffprobe.toString());
        assertEquals(0, run(env, "source", "add", "--type", "filesystem", "--name", "Tapes", "--base-path", tapes.toString(), "--enrichers",
                "ffprobe", "--json").code());
        assertEquals(0, run(env, "source", "enable", "Tapes/tapes", "--json").code());

        ProcessBuilder builder = new ProcessBuilder(image.resolve("bin/retrovue").toString(), "source", "ingest", "Tapes")
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(work.resolve("killed.out").toFile()).redirectError(work.resolve("killed.err").toFile());
        builder.environment().remove("RETROVUE_DATABASE_URL");
        builder.environment().put("RETROVUE_DATA_DIR", work.resolve("data").toString());
        builder.environment().put("RETROVUE_RESIDENT", "off");
        builder.environment().putAll(env);
        Process ingest = builder.start();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (lines(calls) < 40 && ingest.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(ingest.isAlive(), "still enriching after 40 probes: " + Files.readString(work.resolve("killed.err")));
        ingest.toHandle().descendants().forEach(ProcessHandle::destroyForcibly); // SIGKILL, the JVM included
        ingest.destroyForcibly();
        assertTrue(ingest.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));

        Run listed = run(env, "source", "assets", "Tapes/tapes", "--limit", "0", "--json");
        assertEquals(0, listed.code(), listed::toString);
        assertEquals(120, listed.json().size(), "the scan's items were committed before enrichment began");
        int committed = 0;
        for (JsonNode asset : listed.json()) {
            boolean enriched = !asset.get("enrichment").get("enriched_with").isNull();
            assertEquals(enriched, !asset.get("media").get("duration_ms").isNull(), "an item is enriched whole or not at all: " + asset);
            committed += enriched ? 1 : 0;
        }
        assertTrue(committed > 0 && committed < 120, "some were committed before the kill: " + committed);

        long before = lines(calls);
        Run rest = run(env, "source", "enrich", "Tapes", "--json");
        assertEquals(0, rest.code(), rest::toString);
        JsonNode counts = rest.json().get("collections").get(0).get("counts");
        assertEquals(120 - committed, counts.get("to_enrich").asInt(), "exactly what was left: " + counts);
        assertEquals(120 - committed, counts.get("enriched").asInt(), counts::toString);
        assertEquals(120 - committed, lines(calls) - before, "each left item probed once, the committed ones never again");
    }

    private static long lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
