package org.retrovue.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retrovue.persistence.AssetRecord;
import org.retrovue.persistence.AssetStore;
import org.retrovue.persistence.Catalog;
import org.retrovue.persistence.CollectionRecord;
import org.retrovue.persistence.DatabaseTarget;
import org.retrovue.pg.testing.TestPostgres;
import org.retrovue.plugin.filesystem.FilesystemSourceKind;
import org.retrovue.spi.ItemKind;
import org.retrovue.spi.ScannedItem;

class IngestServiceIT {
    @TempDir
    Path temp;
    private Catalog catalog;
    private SourceService sources;
    private IngestService ingest;
    private final ScriptedKind scripted = new ScriptedKind();
    private TestPostgres.Database database;

    @BeforeEach
    void setUp() {
        database = TestPostgres.get().freshDatabase();
        catalog = Catalog.open(new DatabaseTarget(database.url(), database.user(), database.password()));
        PluginRegistry registry = PluginRegistry.of(new FilesystemSourceKind(), scripted);
        sources = new SourceService(() -> catalog, registry, Clock.systemUTC());
        ingest = new IngestService(() -> catalog, registry, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        ingest.close();
        catalog.close();
    }

    private long storedAssets() throws Exception {
        try (var connection = java.sql.DriverManager.getConnection(database.url(), database.user(), database.password());
             var rows = connection.createStatement().executeQuery("select count(*) from assets")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private IngestReport run(String source, boolean dryRun, boolean full) {
        return ingest.ingest(new IngestService.Request(Optional.ofNullable(source), Optional.empty(), dryRun, full, 2), IngestProgress.NONE);
    }

    private static IngestReport.CollectionReport only(IngestReport report) {
        assertEquals(1, report.collections().size(), report::toString);
        return report.collections().getFirst();
    }

    private static long count(IngestReport.CollectionReport report, String name) {
        return (Long) report.counts().get(name);
    }

    private Map<String, AssetRecord> assets(String collection) {
        return ingest.assets(collection, false, 0).stream().collect(Collectors.toMap(AssetRecord::key, a -> a));
    }

    private Path file(String relative, String content) throws Exception {
        Path path = temp.resolve("media").resolve(relative);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, content);
    }

    @Test
    void whatNamesSayIsStoredAndARescanFindsItUnchanged() throws Exception {
        file("Shows/Firefly/Season 01/Firefly - S01E02-E03 - The Train Job.mkv", "episodes");
        file("Movies/Alien (1979)/Alien (1979)-trailer.mkv", "trailer");
        sources.add("filesystem", "Media", Map.of("base-path", temp.resolve("media").toString()), List.of());
        sources.setEnabled("Media/media", true);
        assertEquals(2, count(only(run(null, false, false)), "new"));
        Map<String, AssetRecord> stored = assets("Media/media");
        AssetRecord episode = stored.get("Shows/Firefly/Season 01/Firefly - S01E02-E03 - The Train Job.mkv");
        assertEquals(java.util.Arrays.asList("episode", null, "Firefly", 1, 2, 3, "The Train Job"), java.util.Arrays.asList(episode.kind(),
                episode.extraType(), episode.show(), episode.season(), episode.episode(), episode.episodeEnd(), episode.title()));
        AssetRecord trailer = stored.get("Movies/Alien (1979)/Alien (1979)-trailer.mkv");
        assertEquals(List.of("extra", "trailer", 1979), List.of(trailer.kind(), trailer.extraType(), trailer.year()));
        IngestReport.CollectionReport rescan = only(run(null, false, true));
        assertEquals(2, count(rescan, "unchanged"), "a full rescan compares each item whole: " + rescan);
    }

    @Test
    void aFilesystemCollectionIsIngestedIncrementally() throws Exception {
        file("Movies/Alien (1979).MKV", "alien");
        file("Movies/notes.txt", "not a video");
        file("Shows/Show/S01E01.mp4", "one");
        file("Shows/Show/S01E02.mp4", "two");
        file(".hidden/secret.mkv", "hidden folder");
        file("Shows/.partial.mkv", "hidden file");
        sources.add("filesystem", "Media", Map.of("base-path", temp.resolve("media").toString()), List.of());
        sources.setEnabled("Media/media", true);

        IngestReport.CollectionReport first = only(run(null, false, false));
        assertEquals(IngestReport.Status.INGESTED, first.status(), first::toString);
        assertEquals(3, count(first, "seen"), "videos only, hidden ones skipped, extensions in any case: " + first);
        assertEquals(3, count(first, "new"));
        Map<String, AssetRecord> stored = assets("Media/media");
        assertEquals(List.of("Movies/Alien (1979).MKV", "Shows/Show/S01E01.mp4", "Shows/Show/S01E02.mp4"), stored.keySet().stream().sorted().toList());
        AssetRecord alien = stored.get("Movies/Alien (1979).MKV");
        assertEquals(5, alien.size());
        assertEquals(List.of("Alien", "movie", 1979), java.util.Arrays.asList(alien.title(), alien.kind(), alien.year()), "read from the name");
        assertEquals(temp.resolve("media/Movies/Alien (1979).MKV").toRealPath().toString(), alien.localPath());
        assertEquals(Boolean.TRUE, alien.filePresent());
        assertEquals("present", alien.state());

        IngestReport.CollectionReport rescan = only(run(null, false, false));
        assertEquals(3, count(rescan, "unchanged"), rescan::toString);
        assertEquals(0, count(rescan, "new") + count(rescan, "changed") + count(rescan, "missing"), rescan::toString);
        assertEquals(alien.lastChanged(), assets("Media/media").get("Movies/Alien (1979).MKV").lastChanged(), "an unchanged item is not rewritten");

        file("Shows/Show/S01E01.mp4", "one, re-encoded");
        Files.delete(temp.resolve("media/Shows/Show/S01E02.mp4"));
        file("Shows/Show/S01E03.mp4", "three");
        IngestReport.CollectionReport dry = only(run(null, true, false));
        assertEquals(List.of(1L, 1L, 1L), List.of(count(dry, "new"), count(dry, "changed"), count(dry, "missing")), dry::toString);
        assertEquals(3, assets("Media/media").size(), "a dry run writes nothing");
        assertEquals("present", assets("Media/media").get("Shows/Show/S01E02.mp4").state());

        IngestReport.CollectionReport changes = only(run(null, false, false));
        assertEquals(List.of(1L, 1L, 1L, 1L), List.of(count(changes, "new"), count(changes, "changed"), count(changes, "missing"), count(changes, "unchanged")),
                changes::toString);
        stored = assets("Media/media");
        assertEquals("missing", stored.get("Shows/Show/S01E02.mp4").state(), "kept, marked missing");
        assertEquals(15, stored.get("Shows/Show/S01E01.mp4").size());
        assertEquals(1, ingest.assets("Media/media", true, 0).size());

        file("Shows/Show/S01E02.mp4", "two");
        IngestReport.CollectionReport back = only(run(null, false, false));
        assertEquals(1, count(back, "reappeared"), back::toString);
        assertEquals("present", assets("Media/media").get("Shows/Show/S01E02.mp4").state());

        IngestReport.CollectionReport full = only(run(null, false, true));
        assertEquals(List.of(4L, 0L, 4L), List.of(count(full, "seen"), count(full, "changed"), count(full, "unchanged")),
                "--full reads everything and counts what really changed: " + full);
        assertEquals(alien.lastChanged(), assets("Media/media").get("Movies/Alien (1979).MKV").lastChanged(), "nor rewrites what did not");
        assertEquals("ok", ingest.lastIngest(full.collectionId()).orElseThrow().outcome());
    }

    @Test
    void disabledAndNotIngestableCollectionsAreSkippedWithTheReason() throws Exception {
        file("a/x.mkv", "x");
        sources.add("filesystem", "Disabled", Map.of("base-path", temp.resolve("media/a").toString()), List.of());
        sources.add("scripted", "Unmapped", Map.of("root", "r"), List.of());
        sources.setEnabled("Unmapped/Everything", true);
        IngestReport report = run(null, false, false);
        assertEquals(2, report.collections().size());
        assertTrue(report.collections().stream().allMatch(c -> c.status() == IngestReport.Status.SKIPPED), report::toString);
        String reasons = report.collections().stream().map(IngestReport.CollectionReport::reason).collect(Collectors.joining(" | "));
        assertTrue(reasons.contains("disabled") && reasons.contains("not ingestable: no mapping for /remote"), reasons);
        assertNull(report.outcome(), "skipping is not failing");
    }

    private void scriptedSource(String name) throws Exception {
        Files.createDirectories(temp.resolve("local/show"));
        sources.add("scripted", name, Map.of("root", name), List.of());
        sources.addMapping(name + "/Everything", "/remote", temp.resolve("local").toString());
        sources.setEnabled(name + "/Everything", true);
    }

    /**
     * The program's keys of a collection (its locations, whether discovery lost it) are kept apart from its plugin's
     * config: a plugin whose own config says "locations" and "missing" gets them back as it gave them, and neither
     * is taken for the program's.
     */
    @Test
    void aPluginsOwnConfigComesBackAsItGaveItEvenWithTheProgramsKeyNames() throws Exception {
        Map<String, Object> own = Map.of("locations", List.of("D:\\elsewhere"), "missing", true, "type", "show");
        scripted.collectionConfig = own;
        scriptedSource("Own");
        CollectionRecord stored = sources.collections(Optional.empty()).getFirst();
        assertEquals(own, stored.config());
        assertEquals(List.of("/remote"), stored.locations());
        assertFalse(stored.missing());
        assertTrue(Ingestability.of(stored, false).ingestable(), () -> Ingestability.of(stored, false).reasons().toString());

        assertEquals(IngestReport.Status.INGESTED, only(run("Own", false, false)).status());
        assertEquals(own, scripted.scanned.config(), "handed back exactly as given");
        assertEquals(List.of("/remote"), scripted.scanned.locations());

        assertEquals(1, sources.discover("Own").unchanged(), "nothing changed");
        scripted.collectionGone = true;
        assertEquals(List.of("Everything"), sources.discover("Own").missing());
        CollectionRecord gone = sources.collections(Optional.empty()).getFirst();
        assertTrue(gone.missing());
        assertEquals(own, gone.config(), "marking it missing leaves the plugin's config alone");
        scripted.collectionGone = false;
        assertEquals(List.of("Everything"), sources.discover("Own").updated(), "found again");
        CollectionRecord back = sources.collections(Optional.empty()).getFirst();
        assertFalse(back.missing());
        assertEquals(own, back.config());
    }

    @Test
    void remotePathsAreTranslatedAndItemsWhoseFileIsNotHereAreStoredFlagged() throws Exception {
        scriptedSource("Plexish");
        Files.writeString(temp.resolve("local/show/e0.mkv"), "here");
        scripted.items = 3;
        IngestReport.CollectionReport report = only(run("Plexish", false, false));
        assertEquals(2, count(report, "file_not_found"), report::toString);
        Map<String, AssetRecord> stored = assets("Plexish/Everything");
        assertEquals(temp.resolve("local/show/e0.mkv").toString(), stored.get("k0").localPath());
        assertEquals(Boolean.TRUE, stored.get("k0").filePresent());
        assertEquals(Boolean.FALSE, stored.get("k1").filePresent());
        assertEquals("/remote/show/e1.mkv", stored.get("k1").remotePath());
        assertEquals(List.of("episode", "Show", 1, 2, 1_800_000L), List.of(stored.get("k1").kind(), stored.get("k1").show(), stored.get("k1").season(),
                stored.get("k1").episode(), stored.get("k1").durationMillis()));
    }

    @Test
    void anItemWhoseFileWasNotHereIsLookedForAgainOnEveryIngest() throws Exception {
        scriptedSource("Mounted");
        Files.writeString(temp.resolve("local/show/e0.mkv"), "here");
        scripted.items = 3;
        scripted.supportsUnchanged = true;
        only(run("Mounted", false, false));
        AssetRecord before = assets("Mounted/Everything").get("k1");
        assertEquals(Boolean.FALSE, before.filePresent());

        Files.writeString(temp.resolve("local/show/e1.mkv"), "here now");
        scripted.version = "v2"; // listed again: the item is the same, its file is here now
        IngestReport.CollectionReport dry = only(run("Mounted", true, false));
        assertEquals(List.of(1L, 2L, 1L), List.of(count(dry, "changed"), count(dry, "unchanged"), count(dry, "file_not_found")), dry::toString);
        assertEquals(Boolean.FALSE, assets("Mounted/Everything").get("k1").filePresent(), "a dry run writes nothing");
        IngestReport.CollectionReport listed = only(run("Mounted", false, false));
        assertEquals(IngestReport.Status.INGESTED, listed.status(), listed::toString);
        assertEquals(List.of(1L, 2L, 1L), List.of(count(listed, "changed"), count(listed, "unchanged"), count(listed, "file_not_found")), listed::toString);
        AssetRecord found = assets("Mounted/Everything").get("k1");
        assertEquals(Boolean.TRUE, found.filePresent());
        assertEquals(temp.resolve("local/show/e1.mkv").toString(), found.localPath());
        assertTrue(found.lastChanged().isAfter(before.lastChanged()), found::toString);

        Files.writeString(temp.resolve("local/show/e2.mkv"), "here too");
        IngestReport.CollectionReport unchanged = only(run("Mounted", false, false)); // the source lists nothing
        assertEquals(IngestReport.Status.UNCHANGED, unchanged.status(), unchanged::toString);
        assertEquals(List.of(0L, 1L, 0L), List.of(count(unchanged, "seen"), count(unchanged, "changed"), count(unchanged, "file_not_found")),
                unchanged::toString);
        assertEquals("unchanged at the source since the last ingest; 1 item(s) whose file was not here were found", unchanged.reason());
        assertEquals(Boolean.TRUE, assets("Mounted/Everything").get("k2").filePresent());
        assertEquals(temp.resolve("local/show/e2.mkv").toString(), assets("Mounted/Everything").get("k2").localPath());

        IngestReport.CollectionReport quiet = only(run("Mounted", false, false));
        assertEquals(List.of(0L, 0L), List.of(count(quiet, "changed"), count(quiet, "file_not_found")), quiet::toString);
        assertEquals("unchanged at the source since the last ingest", quiet.reason());
    }

    @Test
    void aFullIngestCountsWhatReallyChangedAndADryRunSaysItWouldIngest() throws Exception {
        scriptedSource("Whole");
        Files.writeString(temp.resolve("local/show/e1.mkv"), "here");
        scripted.items = 3;
        IngestReport.CollectionReport dry = only(run("Whole", true, false));
        assertEquals(IngestReport.Status.WOULD_INGEST, dry.status(), dry::toString);
        assertEquals(0, storedAssets());
        only(run("Whole", false, false));
        AssetRecord before = assets("Whole/Everything").get("k1");
        AssetRecord k0 = assets("Whole/Everything").get("k0");
        assertEquals(Boolean.TRUE, before.filePresent());

        // the same item at the source, its file gone from here: only a full ingest, which looks at every file, sees it
        Files.delete(temp.resolve("local/show/e1.mkv"));
        IngestReport.CollectionReport incremental = only(run("Whole", false, false));
        assertEquals(List.of(0L, 3L), List.of(count(incremental, "changed"), count(incremental, "unchanged")), incremental::toString);
        IngestReport.CollectionReport fullDry = only(run("Whole", true, true));
        assertEquals(IngestReport.Status.WOULD_INGEST, fullDry.status(), fullDry::toString);
        assertEquals(List.of(1L, 2L), List.of(count(fullDry, "changed"), count(fullDry, "unchanged")), fullDry::toString);
        IngestReport.CollectionReport full = only(run("Whole", false, true));
        assertEquals(IngestReport.Status.INGESTED, full.status(), full::toString);
        assertEquals(List.of(3L, 1L, 2L), List.of(count(full, "seen"), count(full, "changed"), count(full, "unchanged")), full::toString);
        Map<String, AssetRecord> after = assets("Whole/Everything");
        assertEquals(Boolean.FALSE, after.get("k1").filePresent());
        assertEquals(k0.lastChanged(), after.get("k0").lastChanged(), "an unchanged item is not rewritten by --full");
        IngestReport.CollectionReport again = only(run("Whole", false, true));
        assertEquals(List.of(0L, 3L), List.of(count(again, "changed"), count(again, "unchanged")), again::toString);
    }

    private static ScannedItem episode(int i, String path, String title) {
        return new ScannedItem("k" + i, path, 1000 + i, Instant.parse("2020-01-01T00:00:00Z"), 1_800_000L, title, ItemKind.EPISODE, "Show", 1, i + 1);
    }

    @Test
    void anItemMovedRenamedOrWithANewVersionIsWrittenThoughItsSizeAndTimeStay() throws Exception {
        scriptedSource("Moving");
        scripted.items = 4;
        only(run("Moving", false, false));
        AssetRecord before = assets("Moving/Everything").get("k0");

        // a plain mv at the source: same key, size and time, another path; another title; a new change token
        scripted.custom = i -> switch (i) {
            case 1 -> episode(1, "/remote/show/Season 1/e1.mkv", "Episode 1");
            case 2 -> episode(2, "/remote/show/e2.mkv", "Renamed");
            case 3 -> episode(3, "/remote/show/e3.mkv", "Episode 3").withVersion("etag-2");
            default -> null;
        };
        IngestReport.CollectionReport dry = only(run("Moving", true, false));
        assertEquals(List.of(3L, 1L), List.of(count(dry, "changed"), count(dry, "unchanged")), dry::toString);
        IngestReport.CollectionReport changes = only(run("Moving", false, false));
        assertEquals(List.of(3L, 1L), List.of(count(changes, "changed"), count(changes, "unchanged")), changes::toString);
        Map<String, AssetRecord> stored = assets("Moving/Everything");
        assertEquals("/remote/show/Season 1/e1.mkv", stored.get("k1").remotePath());
        assertEquals(temp.resolve("local/show/Season 1/e1.mkv").toString(), stored.get("k1").localPath(), "the new path is mapped");
        assertEquals("Renamed", stored.get("k2").title());
        assertEquals("etag-2", stored.get("k3").version());
        assertEquals(before.lastChanged(), stored.get("k0").lastChanged(), "an unchanged item is not rewritten");

        IngestReport.CollectionReport same = only(run("Moving", false, false));
        assertEquals(List.of(0L, 4L), List.of(count(same, "changed"), count(same, "unchanged")), same::toString);

        java.util.function.IntFunction<ScannedItem> moved = scripted.custom;
        scripted.custom = i -> i == 3 ? episode(3, "/remote/show/e3.mkv", "Episode 3").withVersion("etag-3") : moved.apply(i);
        IngestReport.CollectionReport newVersion = only(run("Moving", false, false));
        assertEquals(List.of(1L, 3L), List.of(count(newVersion, "changed"), count(newVersion, "unchanged")), newVersion::toString);
        assertEquals("etag-3", assets("Moving/Everything").get("k3").version());
    }

    @Test
    void theNumberOfItemsAScanExpectsReachesTheProgressDisplay() throws Exception {
        scriptedSource("Counted");
        scripted.items = 600;
        scripted.announces = true;
        List<Long> expected = new java.util.concurrent.CopyOnWriteArrayList<>();
        ingest.ingest(new IngestService.Request(Optional.of("Counted"), Optional.empty(), true, false, 1), new IngestProgress() {
            @Override
            public void started(String source, String collection, IngestCounts counts) {}

            @Override
            public void advanced(String source, String collection, IngestCounts counts) {
                expected.add(counts.expected());
            }

            @Override
            public void finished(IngestReport.CollectionReport report) {}
        });
        assertEquals(List.of(600L), expected, "told at the 500th item");
    }

    @Test
    void itemsStoredWithoutADigestAreWrittenOnceMore() throws Exception {
        scriptedSource("Older");
        scripted.items = 3;
        only(run("Older", false, false));
        try (var connection = java.sql.DriverManager.getConnection(database.url(), database.user(), database.password())) {
            connection.createStatement().executeUpdate("update assets set digest = null"); // as V5 leaves rows stored before it
        }
        IngestReport.CollectionReport once = only(run("Older", false, false));
        assertEquals(List.of(3L, 0L), List.of(count(once, "changed"), count(once, "unchanged")), once::toString);
        IngestReport.CollectionReport then = only(run("Older", false, false));
        assertEquals(List.of(0L, 3L), List.of(count(then, "changed"), count(then, "unchanged")), then::toString);
    }

    @Test
    void whatAScanReportsBeyondTheFileIsStored() throws Exception {
        scriptedSource("Detailed");
        scripted.items = 2;
        scripted.custom = i -> i != 0 ? null : episode(0, "/remote/show/e0.mkv", "Pilot")
                .withDetails(2002, 2, java.time.LocalDate.parse("2002-12-20"), Map.of("imdb", "tt0579539", "tvdb", "297989"));
        only(run("Detailed", false, false));
        AssetRecord pilot = assets("Detailed/Everything").get("k0");
        assertEquals(List.of(2002, 2, java.time.LocalDate.parse("2002-12-20"), Map.of("imdb", "tt0579539", "tvdb", "297989")),
                List.of(pilot.year(), pilot.episodeEnd(), pilot.airDate(), pilot.providerIds()));
        AssetRecord plain = assets("Detailed/Everything").get("k1");
        assertEquals(Arrays.asList(null, null, null, Map.of(), null),
                Arrays.asList(plain.year(), plain.episodeEnd(), plain.airDate(), plain.providerIds(), plain.version()));

        IngestReport.CollectionReport full = only(run("Detailed", false, true));
        assertEquals(List.of(0L, 2L), List.of(count(full, "changed"), count(full, "unchanged")), "read back as written: " + full);
        scripted.custom = i -> i != 0 ? null : episode(0, "/remote/show/e0.mkv", "Pilot")
                .withDetails(2002, 2, java.time.LocalDate.parse("2002-12-20"), Map.of("imdb", "tt0579539", "tvdb", "297990"));
        IngestReport.CollectionReport changedId = only(run("Detailed", false, false));
        assertEquals(List.of(1L, 1L), List.of(count(changedId, "changed"), count(changedId, "unchanged")), changedId::toString);
        assertEquals("297990", assets("Detailed/Everything").get("k0").providerIds().get("tvdb"));
    }

    @Test
    void aScanThatFailsPartWayKeepsWhatWasCommittedAndTheNextRunFinishesWithTheSameResult() throws Exception {
        scriptedSource("Flaky");
        scripted.items = 2_500;
        scripted.failAfter = 1_700;
        IngestReport failed = run("Flaky", false, false);
        IngestReport.CollectionReport report = only(failed);
        assertEquals(IngestReport.Status.FAILED, report.status());
        assertTrue(report.reason().contains("went away after 1700 items"), report::toString);
        assertEquals(ErrorKind.EXTERNAL, failed.outcome());
        assertEquals(1_700, assets("Flaky/Everything").size(), "whole batches and the items seen before the failure stay");
        assertEquals("failed", ingest.lastIngest(report.collectionId()).orElseThrow().outcome());

        scripted.failAfter = -1;
        IngestReport.CollectionReport finished = only(run("Flaky", false, false));
        assertEquals(List.of(800L, 1_700L, 0L), List.of(count(finished, "new"), count(finished, "unchanged"), count(finished, "missing")), finished::toString);
        Map<String, AssetRecord> stored = assets("Flaky/Everything");
        assertEquals(2_500, stored.size(), "no duplicates, nothing lost");
        assertTrue(stored.values().stream().allMatch(a -> a.state().equals("present") && a.size() == 1000 + Integer.parseInt(a.key().substring(1))));
    }

    @Test
    void anInterruptedIngestHasRecordedItsCollectionInterruptedWhenItReturns() throws Exception {
        scriptedSource("Stopped");
        java.util.UUID collection = sources.setEnabled("Stopped/Everything", true).id();
        scripted.items = 2_500;
        java.util.concurrent.CountDownLatch reached = new java.util.concurrent.CountDownLatch(1);
        scripted.beforeItem = i -> {
            if (i == 1_700) {
                reached.countDown();
                try {
                    new java.util.concurrent.CountDownLatch(1).await(); // until interrupted, as a scan waiting on a server
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
        Thread caller = Thread.ofPlatform().start(() -> {
            try {
                run("Stopped", false, false);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        assertTrue(reached.await(60, java.util.concurrent.TimeUnit.SECONDS), "the scan got to item 1700");
        caller.interrupt(); // Ctrl-C
        caller.join(60_000);
        assertTrue(!caller.isAlive() && thrown.get() instanceof RetrovueException e && e.getMessage().contains("interrupted"), String.valueOf(thrown.get()));
        assertEquals("interrupted", ingest.lastIngest(collection).orElseThrow().outcome(), "recorded before the ingest returned, not as failed");
        long stored = storedAssets();
        // whole batches only: none when the stored items were still being read (the first items wait for them),
        // one when the first batch had been handed to the writer, or all that were seen when they were flushed at the end
        assertTrue(stored == 0 || stored == 1_000 || stored == 1_700, "whole batches: " + stored);
    }

    @Test
    void aFailingSourceDoesNotStopTheOthers() throws Exception {
        scriptedSource("Down");
        scripted.failAfter = 0;
        file("ok/x.mkv", "x");
        sources.add("filesystem", "Fine", Map.of("base-path", temp.resolve("media/ok").toString()), List.of());
        sources.setEnabled("Fine/ok", true);
        IngestReport report = run(null, false, false);
        Map<String, IngestReport.Status> status = report.collections().stream()
                .collect(Collectors.toMap(IngestReport.CollectionReport::source, IngestReport.CollectionReport::status));
        assertEquals(Map.of("Down", IngestReport.Status.FAILED, "Fine", IngestReport.Status.INGESTED), status);
        assertEquals(1, assets("Fine/ok").size());
    }

    @Test
    void anIngestAlreadyRunningForTheCollectionIsReportedWithItsHolder() throws Exception {
        scriptedSource("Busy");
        var collection = sources.collections(Optional.of("Busy")).getFirst();
        try (AssetStore other = AssetStore.open(catalog.target(), "retrovue ingest (process 4242)")) {
            assertTrue(other.lock(collection.id()).isEmpty());
            IngestReport report = run("Busy", false, false);
            IngestReport.CollectionReport busy = only(report);
            assertEquals(IngestReport.Status.BUSY, busy.status());
            assertTrue(busy.reason().contains("retrovue ingest (process 4242)"), busy::toString);
            assertEquals(ErrorKind.CONFLICT, report.outcome());
        }
        assertEquals(IngestReport.Status.INGESTED, only(run("Busy", false, false)).status(), "free again once the holder is gone");
    }

    @Test
    void aCollectionUnchangedAtTheSourceCostsNoListingUnlessFull() throws Exception {
        scriptedSource("Versioned");
        scripted.supportsUnchanged = true;
        assertEquals(IngestReport.Status.INGESTED, only(run("Versioned", false, false)).status());
        assertEquals(1, scripted.scans.get());
        assertEquals(1, scripted.listings.get());
        IngestReport.CollectionReport again = only(run("Versioned", false, false));
        assertEquals(IngestReport.Status.UNCHANGED, again.status(), again::toString);
        assertEquals(2, scripted.scans.get(), "asked once");
        assertEquals(1, scripted.listings.get(), "and nothing listed");
        assertEquals(0, count(again, "seen"));
        assertEquals(10, ingest.assets("Versioned/Everything", false, 0).stream().filter(a -> a.state().equals("present")).count(),
                "nothing marked missing when the source says unchanged");
        assertEquals(IngestReport.Status.INGESTED, only(run("Versioned", false, true)).status(), "--full lists everything again");
        assertEquals(3, scripted.scans.get());
        assertEquals(2, scripted.listings.get(), "--full lists everything again");
    }

    @Test
    void aChosenCollectionMustBelongToTheSource() throws Exception {
        scriptedSource("One");
        RetrovueException e = org.junit.jupiter.api.Assertions.assertThrows(RetrovueException.class,
                () -> ingest.ingest(new IngestService.Request(Optional.of("One"), Optional.of("Nope"), false, false, 2), IngestProgress.NONE));
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
        IngestReport report = ingest.ingest(new IngestService.Request(Optional.of("One"), Optional.of("everything"), false, false, 2), IngestProgress.NONE);
        assertEquals(IngestReport.Status.INGESTED, only(report).status());
        assertTrue(Instant.now().isAfter(ingest.lastIngest(only(report).collectionId()).orElseThrow().at().toInstant().minusSeconds(60)));
    }

    @Test
    void anItemReportedTwiceIsWrittenOnce() throws Exception {
        scriptedSource("Twice");
        scripted.reportTwice = true;
        IngestReport.CollectionReport report = only(run("Twice", false, false));
        assertEquals(IngestReport.Status.INGESTED, report.status(), report::toString);
        assertEquals(10, count(report, "seen"));
        assertEquals(10, count(report, "new"));
        assertEquals(10, storedAssets());
        assertEquals(10, count(report, "warnings"), report::toString);
        assertTrue(report.warnings().getFirst().endsWith(" was reported twice by the source; stored once"), report::toString);
    }

    @Test
    void deletingASourceDeletesItsAssetsAndAnIngestOfADeletedCollectionWritesNothing() throws Exception {
        scriptedSource("Doomed");
        scriptedSource("Kept");
        run(null, false, false);
        assertEquals(20, storedAssets());
        java.util.UUID doomed = catalog.read(s -> Identifiers.source(s, "Doomed")).id();
        java.util.UUID collection = catalog.read(s -> Identifiers.collection(s, "Doomed/Everything")).id();
        sources.delete(doomed);
        assertEquals(10, storedAssets(), "the deleted source's assets went with it, the other's stayed");

        List<org.retrovue.persistence.AssetRow> rows = List.of(new org.retrovue.persistence.AssetRow("late", "/remote/late.mkv", null, null, 1,
                null, null, "Late", "other", null, null, null, null, null, null, null, null, null, null));
        try (AssetStore store = AssetStore.open(catalog.target(), "test")) {
            org.junit.jupiter.api.Assertions.assertThrows(org.retrovue.persistence.CatalogException.class, () -> store.insert(collection, rows, Instant.now()));
            org.junit.jupiter.api.Assertions.assertThrows(org.retrovue.persistence.CatalogException.class, () -> store.write(collection, rows, Instant.now()));
        }
        assertEquals(10, storedAssets(), "nothing written for a collection that is gone");
    }
}
