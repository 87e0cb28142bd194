package org.retrovue.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retrovue.persistence.AssetStore;
import org.retrovue.persistence.Catalog;
import org.retrovue.persistence.DatabaseTarget;
import org.retrovue.pg.testing.TestPostgres;
import org.retrovue.spi.ItemKind;
import org.retrovue.spi.ScannedItem;

/** Ingest's part of the security issue: items the database would refuse, a lost database, the busy holder's start. */
class IngestSecurityIT {
    @TempDir
    Path temp;
    private Catalog catalog;
    private SourceService sources;
    private IngestService ingest;
    private final ScriptedKind scripted = new ScriptedKind();
    private TestPostgres.Database database;

    @BeforeEach
    void setUp() throws Exception {
        database = TestPostgres.get().freshDatabase();
        catalog = Catalog.open(new DatabaseTarget(database.url(), database.user(), database.password()));
        PluginRegistry registry = PluginRegistry.of(scripted);
        sources = new SourceService(() -> catalog, registry, Clock.systemUTC());
        ingest = new IngestService(() -> catalog, registry, Clock.systemUTC());
        Files.createDirectories(temp.resolve("local/show"));
        sources.add("scripted", "S", Map.of("root", "S"), List.of());
        sources.addMapping("S/Everything", "/remote", temp.resolve("local").toString());
        sources.setEnabled("S/Everything", true);
    }

    @AfterEach
    void tearDown() {
        ingest.close();
        catalog.close();
    }

    private IngestReport run() {
        return ingest.ingest(new IngestService.Request(Optional.of("S"), Optional.empty(), false, false, 1), IngestProgress.NONE);
    }

    private static ScannedItem item(String key, String path, String title) {
        return new ScannedItem(key, path, 1, Instant.parse("2020-01-01T00:00:00Z"), null, title, ItemKind.OTHER, null, null, null);
    }

    @Test
    void anItemTheDatabaseWouldRefuseIsAWarningAndTheOthersAreStored() {
        scripted.items = 30;
        scripted.custom = i -> switch (i) {
            case 3 -> item("nul\0key", "/remote/a.mkv", "A");
            case 7 -> item("k7", "/remote/b\0.mkv", "B");
            case 11 -> item("k11", "/remote/c.mkv", "lone \ud800 surrogate");
            case 13 -> item("k13", "/remote/" + "x".repeat(100_000), "absurd");
            case 17 -> item("x".repeat(4_000) + "/ok.mkv", "/remote/" + "y".repeat(4_000) + "/ok.mkv", "long but real");
            case 19 -> item("k19", "/remote/d.mkv", "D").withVersion("v\0");
            case 23 -> item("k23", "/remote/e.mkv", "E").withDetails(null, null, null, java.util.Map.of("imdb", "tt\0"));
            default -> null;
        };
        IngestReport.CollectionReport report = run().collections().getFirst();
        assertEquals(IngestReport.Status.INGESTED, report.status(), report::toString);
        assertEquals(24L, report.counts().get("new"), report::toString);
        assertEquals(6L, report.counts().get("warnings"), report::toString);
        String warnings = String.join("\n", report.warnings());
        assertTrue(warnings.contains("holds a NUL character") && warnings.contains("not valid Unicode")
                && warnings.contains("100,008 characters long") && warnings.contains("k19 not stored: its version holds a NUL")
                && warnings.contains("k23 not stored: its provider id imdb holds a NUL"), warnings);
        assertEquals(24, ingest.assets("S/Everything", false, 0).size());
        assertTrue(ingest.assets("S/Everything", false, 0).stream().anyMatch(a -> a.key().length() > 4_000), "a 4,000-character key is stored");
    }

    @Test
    void losingTheDatabaseMidIngestIsADatabaseErrorWithNoClassNameAndFittingAdvice() {
        scripted.items = 3_000;
        scripted.beforeItem = i -> {
            if (i == 1_500) {
                try (var c = database.connect(); var s = c.createStatement()) {
                    s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()");
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        };
        RetrovueException e = assertThrows(RetrovueException.class, this::run);
        assertEquals(ErrorKind.DATABASE, e.kind(), e::getMessage);
        assertFalse(e.getMessage().matches("(?s).*(Exception|Error)\\b.*"), e.getMessage());
        assertTrue(e.getMessage().contains("RETROVUE_DATABASE_URL"), "an external database: " + e.getMessage());
        scripted.beforeItem = null;
        assertEquals(IngestReport.Status.INGESTED, run().collections().getFirst().status(), "the next ingest finishes the job");
    }

    @Test
    void aCollectionNamedByUuidWithinASourceIsThatUuidNotANameThatReadsTheSame() throws Exception {
        sources.add("scripted", "T", Map.of("root", "T"), List.of());
        String other = sources.collections(Optional.of("T")).getFirst().id().toString();
        try (var c = database.connect(); var s = c.prepareStatement("update source_collections set name = ? where name = 'Everything' and source_id = "
                + "(select id from sources where name = 'S')")) {
            s.setString(1, other); // a name from a server, say, that reads as another collection's UUID
            s.executeUpdate();
        }
        RetrovueException e = assertThrows(RetrovueException.class, () -> ingest.ingest(
                new IngestService.Request(Optional.of("S"), Optional.of(other), false, false, 1), IngestProgress.NONE));
        assertEquals(ErrorKind.NOT_FOUND, e.kind(), e::getMessage);
    }

    @Test
    void aBusyCollectionNamesWhenItsIngestStartedNotWhenTheConnectionDid() throws Exception {
        var collection = sources.collections(Optional.of("S")).getFirst();
        try (AssetStore other = AssetStore.open(catalog.target(), "retrovue ingest (process 4242)")) {
            other.known(collection.id(), false); // the connection is older than the ingest that holds the lock (kept between ingests)
            Thread.sleep(2_100);
            Instant lockedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            assertTrue(other.lock(collection.id()).isEmpty());
            IngestReport.CollectionReport busy = run().collections().getFirst();
            assertEquals(IngestReport.Status.BUSY, busy.status());
            Matcher since = Pattern.compile("since (\\S+?)\\)").matcher(busy.reason());
            assertTrue(since.find(), busy.reason());
            Instant shown = Instant.parse(since.group(1));
            assertFalse(shown.isBefore(lockedAt.minusSeconds(1)), "the ingest's start, not the connection's: " + busy.reason() + " locked at " + lockedAt);
            assertTrue(busy.reason().contains("retrovue ingest (process 4242) (database session"), busy.reason());
            other.unlock(collection.id());
        }
        assertNull(run().outcome());
    }
}
