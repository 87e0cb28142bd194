package org.retrovue.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retrovue.persistence.AssetFilter;
import org.retrovue.persistence.AssetRecord;
import org.retrovue.persistence.Catalog;
import org.retrovue.persistence.DatabaseTarget;
import org.retrovue.pg.testing.TestPostgres;
import org.retrovue.plugin.filesystem.FilesystemSourceKind;
import org.retrovue.spi.EnrichmentResult;
import org.retrovue.spi.MediaFacts;

/** Enrichers running in ingest and in {@code source enrich} (issue 16, docs/adr/0011), on a real catalogue. */
class EnrichmentIT {
    @TempDir
    Path temp;
    private Catalog catalog;
    private SourceService sources;
    private IngestService ingest;
    private TestPostgres.Database database;
    /** Reads "NNNN" from a file: its duration in ms; "bad" fails, "throw" throws, "hang" outlives its deadline. */
    private final ScriptedEnricher probe = new ScriptedEnricher("probe", (request, context) -> {
        String text;
        try {
            text = Files.readString(request.path()).strip();
        } catch (java.io.IOException e) {
            return new EnrichmentResult.Failed("cannot read the file");
        }
        return switch (text) {
            case "bad" -> new EnrichmentResult.Failed("not a media file");
            case "throw" -> throw new IllegalStateException("boom");
            case "hang" -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    // cut off: the test checks the item is failed all the same
                }
                yield new EnrichmentResult.Filled(MediaFacts.NONE);
            }
            default -> new EnrichmentResult.Filled(new MediaFacts("matroska,webm", Long.parseLong(text), 1000L,
                    List.of(new MediaFacts.Video("h264", 1920, 1080, 25.0, MediaFacts.ScanType.PROGRESSIVE, "1:1", "16:9", null)),
                    List.of(new MediaFacts.Audio("aac", 2, 48000, "eng", true)), List.of(), List.of(), null));
        };
    });
    /** Fills loudness; declines while {@link #toolMissing}. */
    private volatile boolean toolMissing;
    private final ScriptedEnricher loud = new ScriptedEnricher("loud", (request, context) -> toolMissing
            ? new EnrichmentResult.Declined("waits for ffmpeg: not installed")
            : new EnrichmentResult.Filled(new MediaFacts(null, null, null, List.of(), List.of(), List.of(), null,
                    new MediaFacts.Loudness(-20.5, 7.0, -1.5))));

    @BeforeEach
    void setUp() {
        System.setProperty("retrovue.enrich.timeout-seconds", "1");
        database = TestPostgres.get().freshDatabase();
        catalog = Catalog.open(new DatabaseTarget(database.url(), database.user(), database.password()));
        PluginRegistry registry = PluginRegistry.of(new FilesystemSourceKind()).withEnrichers(probe, loud);
        sources = new SourceService(() -> catalog, registry, Clock.systemUTC());
        ingest = new IngestService(() -> catalog, registry, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("retrovue.enrich.timeout-seconds");
        ingest.close();
        catalog.close();
    }

    private Path file(String relative, String content) throws Exception {
        Path path = temp.resolve("media").resolve(relative);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, content);
    }

    private void addSource(String enrichers) {
        sources.add("filesystem", "Media", Map.of("base-path", temp.resolve("media").toString()), List.of());
        sources.setEnabled("Media/media", true);
        sources.setEnrichers("Media", enrichers, w -> {});
    }

    private IngestReport.CollectionReport ingest() {
        IngestReport report = ingest.ingest(new IngestService.Request(Optional.empty(), Optional.empty(), false, false, 2), IngestProgress.NONE);
        assertEquals(1, report.collections().size(), report::toString);
        return report.collections().getFirst();
    }

    private IngestReport.CollectionReport enrich(boolean all) {
        IngestReport report = ingest.enrich(new IngestService.EnrichRequest(Optional.of("Media"), Optional.empty(), all), IngestProgress.NONE);
        assertEquals(1, report.collections().size(), report::toString);
        return report.collections().getFirst();
    }

    private Map<String, AssetRecord> assets() {
        return ingest.assets("Media/media", false, 0).stream().collect(Collectors.toMap(AssetRecord::key, a -> a));
    }

    private static long count(IngestReport.CollectionReport report, String name) {
        return ((Number) report.counts().get(name)).longValue();
    }

    @Test
    void ingestEnrichesNewAndChangedItemsOnlyAndFactsMakeThemReady() throws Exception {
        file("Movies/A (1999).mkv", "1500000");
        file("Movies/B (2001).mkv", "2500000");
        addSource("probe,loud");
        IngestReport.CollectionReport first = ingest();
        assertEquals(List.of(2L, 2L, 0L, 0L), List.of(count(first, "to_enrich"), count(first, "enriched"), count(first, "enrich_failed"),
                count(first, "enrich_waiting")), first::toString);
        AssetRecord a = assets().get("Movies/A (1999).mkv");
        assertEquals(1_500_000L, a.duration());
        assertNull(a.durationMillis(), "the scan reported no duration; the measured one is kept apart");
        assertEquals(List.of("h264", 1920, 1080, "progressive", "aac", 2, "matroska,webm"), List.of(a.media().videoCodec(), a.media().width(),
                a.media().height(), a.media().scanType(), a.media().audioCodec(), a.media().audioChannels(), a.media().container()));
        assertEquals(-20.5, a.media().loudnessLufs(), "the second enricher's facts merge with the first's");
        assertEquals(List.of("probe@1", "loud@1"), a.enrichment().enrichedWith());
        assertEquals("filled", a.enrichment().outcomes().get("probe").get("outcome"));
        assertTrue(a.ready(), a::notReadyReason);
        assertEquals(2, probe.calls.get());

        IngestReport.CollectionReport rescan = ingest();
        assertEquals(0, count(rescan, "to_enrich"), "unchanged items are never enriched again: " + rescan);
        assertEquals(2, probe.calls.get());

        file("Movies/A (1999).mkv", "1600000");
        Files.setLastModifiedTime(temp.resolve("media/Movies/A (1999).mkv"), java.nio.file.attribute.FileTime.fromMillis(1_000_000_000L));
        IngestReport.CollectionReport changed = ingest();
        assertEquals(1, count(changed, "to_enrich"), changed::toString);
        assertEquals(2, probe.calls("A (1999).mkv"));
        assertEquals(1, probe.calls("B (2001).mkv"));
        assertEquals(1_600_000L, assets().get("Movies/A (1999).mkv").duration());

        loud.version = "2";
        IngestReport.CollectionReport newVersion = ingest();
        assertEquals(2, count(newVersion, "to_enrich"), "an enricher's new version makes every item stale: " + newVersion);
        assertEquals(List.of("probe@1", "loud@2"), assets().get("Movies/B (2001).mkv").enrichment().enrichedWith());

        sources.setEnrichers("Media", "probe", w -> {});
        assertEquals(2, count(ingest(), "to_enrich"), "so does a changed list");
        assertEquals(0, count(ingest(), "to_enrich"));
    }

    @Test
    void badFilesGetAReasonAndAWarningAndTheOthersGoOn() throws Exception {
        file("a-good.mkv", "1000");
        file("b-bad.mkv", "bad");
        file("c-throws.mkv", "throw");
        file("d-hangs.mkv", "hang");
        file("e-empty.mkv", "");
        addSource("probe");
        IngestReport.CollectionReport report = ingest();
        assertEquals(IngestReport.Status.INGESTED, report.status(), report::toString);
        assertEquals(List.of(5L, 1L, 4L), List.of(count(report, "to_enrich"), count(report, "enriched"), count(report, "enrich_failed")),
                report::toString);
        Map<String, AssetRecord> stored = assets();
        assertEquals("not a media file", stored.get("b-bad.mkv").enrichment().outcomes().get("probe").get("reason"));
        assertEquals("the enricher failed unexpectedly (IllegalStateException)", stored.get("c-throws.mkv").enrichment().outcomes().get("probe")
                .get("reason"));
        assertEquals("timed out after 1 s", stored.get("d-hangs.mkv").enrichment().outcomes().get("probe").get("reason"));
        assertEquals("duration unknown: enricher 'probe' failed: not a media file", stored.get("b-bad.mkv").notReadyReason());
        assertTrue(stored.get("a-good.mkv").ready());
        List<String> warnings = report.warnings();
        assertEquals(4, warnings.stream().filter(w -> w.contains("enricher 'probe' failed")).count(), warnings::toString);
        assertTrue(warnings.stream().allMatch(w -> w.lines().count() == 1), warnings::toString);
        assertEquals(0, count(ingest(), "to_enrich"), "a failure is kept until the file changes");

        List<String> notReady = ingest.assets("Media/media", new AssetFilter(false, true, null), 0, 0).items().stream()
                .map(AssetRecord::key).sorted().toList();
        assertEquals(List.of("b-bad.mkv", "c-throws.mkv", "d-hangs.mkv", "e-empty.mkv"), notReady);
    }

    @Test
    void itemsWaitForADecliningEnricherAndAreTriedAgainWithoutLosingOtherFacts() throws Exception {
        file("a.mkv", "1000");
        toolMissing = true;
        addSource("probe,loud");
        IngestReport.CollectionReport first = ingest();
        assertEquals(List.of(1L, 0L, 1L), List.of(count(first, "to_enrich"), count(first, "enriched"), count(first, "enrich_waiting")));
        assertTrue(first.warnings().contains("1 item(s) wait for enricher 'loud': waits for ffmpeg: not installed"), first.warnings()::toString);
        AssetRecord waiting = assets().get("a.mkv");
        assertNull(waiting.enrichment().enrichedWith());
        assertEquals(1000L, waiting.duration(), "what the first enricher measured is kept");
        assertTrue(waiting.ready());

        assertEquals(1, count(ingest(), "to_enrich"), "tried again");
        toolMissing = false;
        IngestReport.CollectionReport installed = enrich(false);
        assertEquals(IngestReport.Status.ENRICHED, installed.status());
        assertEquals(1, count(installed, "enriched"), installed::toString);
        assertEquals(-20.5, assets().get("a.mkv").media().loudnessLufs());
        assertEquals(0, count(enrich(false), "to_enrich"));
        assertEquals(1, count(enrich(true), "to_enrich"), "--full enriches every item again");
    }

    @Test
    void theTimeLimitGrowsWithTheRunningTimeAnEnricherBeforeMeasured() throws Exception {
        file("short.mkv", "1000");
        file("long.mkv", "120000"); // two minutes: 6 s more than the base limit of 1 s
        loud.answer = (request, context) -> {
            try {
                Thread.sleep(4000); // past the base limit and its 2 s of grace
            } catch (InterruptedException e) {
                return new EnrichmentResult.Failed("cut off");
            }
            return new EnrichmentResult.Filled(new MediaFacts(null, null, null, List.of(), List.of(), List.of(), null,
                    new MediaFacts.Loudness(-23.0, null, null)));
        };
        addSource("probe,loud");
        IngestReport.CollectionReport report = ingest();
        Map<String, AssetRecord> stored = assets();
        assertEquals(-23.0, stored.get("long.mkv").media().loudnessLufs(), report::toString);
        assertEquals("timed out after 1 s", stored.get("short.mkv").enrichment().outcomes().get("loud").get("reason"));
    }

    @Test
    void sourceEnrichSkipsWhatItCannotDoAndSaysWhy() throws Exception {
        file("a.mkv", "1000");
        addSource("");
        ingest();
        IngestReport.CollectionReport none = enrich(false);
        assertEquals(IngestReport.Status.SKIPPED, none.status());
        assertTrue(none.reason().startsWith("its source has no enrichers; set them with `retrovue source enrichers Media ffprobe`"), none.reason());
        sources.setEnrichers("Media", "probe", w -> {});
        sources.setEnabled("Media/media", false);
        assertTrue(enrich(false).reason().startsWith("disabled"));
        sources.setEnabled("Media/media", true);
        assertEquals(1, count(enrich(false), "enriched"), "items ingested before the list was set are enriched on demand");
    }

    @Test
    void anInterruptedEnrichmentKeepsWhatWasCommittedAndTheNextRunDoesTheRest() throws Exception {
        for (int i = 0; i < 300; i++) {
            file(String.format("f%03d.mkv", i), "1000");
        }
        addSource("");
        ingest();
        CountDownLatch slow = new CountDownLatch(1);
        AtomicInteger seen = new AtomicInteger();
        probe.answer = (request, context) -> {
            if (seen.incrementAndGet() > 150) {
                slow.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    return new EnrichmentResult.Declined("interrupted");
                }
            }
            return new EnrichmentResult.Filled(new MediaFacts(null, 1000L, null, List.of(), List.of(), List.of(), null, null));
        };
        sources.setEnrichers("Media", "probe", w -> {});
        Thread runner = Thread.ofPlatform().start(() -> {
            try {
                enrich(false);
            } catch (RetrovueException e) {
                assertTrue(e.getMessage().startsWith("enrichment interrupted"), e.getMessage());
            }
        });
        assertTrue(slow.await(30, TimeUnit.SECONDS));
        Thread.sleep(1500); // a batch is committed at least every second
        runner.interrupt();
        runner.join(30_000);
        assertFalse(runner.isAlive());
        long done = assets().values().stream().filter(a -> a.enrichment().enrichedWith() != null).count();
        assertTrue(done >= 100 && done <= 150, "committed in batches: " + done);
        assertEquals(done, assets().values().stream().filter(a -> !a.enrichment().outcomes().isEmpty()).count(),
                "an item whose enrichment was interrupted is not written at all");
        probe.answer = (request, context) -> new EnrichmentResult.Filled(new MediaFacts(null, 1000L, null, List.of(), List.of(), List.of(), null, null));
        probe.calls.set(0);
        IngestReport.CollectionReport rest = enrich(false);
        assertEquals(300 - done, count(rest, "to_enrich"), "exactly what was left: " + rest);
        assertEquals(300 - done, probe.calls.get());
    }
}
