package org.retrovue.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retrovue.pg.testing.TestPostgres;

/** Rows written by COPY (CopyRows) read back as they were given, through both ways of writing them. */
class AssetCopyIT {
    private static final String AWKWARD = "tab\there, line\nend, return\r, back\\slash, \\N, quote \", é ß ü, ありがとう, emoji 🎬, lone \ud800 surrogate";

    private TestPostgres.Database database;
    private Catalog catalog;
    private UUID collection;

    @BeforeEach
    void open() {
        database = TestPostgres.get().freshDatabase();
        catalog = Catalog.open(new DatabaseTarget(database.url(), database.user(), database.password()));
        SourceRecord source = catalog.inTransaction(s -> s.addSource(new NewSource("copy-aaaaaaaaaaaa", "Copy", "filesystem", Map.of(), Map.of(),
                Map.of(), List.of(new NewSource.NewCollection("root", "root", Map.of(), List.of("/media"))))));
        collection = source.collections().getFirst().id();
    }

    @AfterEach
    void close() {
        catalog.close();
    }

    private static AssetRow row(String key, String text, Instant modified) {
        return new AssetRow(key, "/remote/" + text, "/local/" + text, Boolean.FALSE, Long.MAX_VALUE, modified, -5L, text, "episode", null,
                text, -1, 0, text, 1999, Integer.MAX_VALUE, LocalDate.of(1, 1, 1),
                Map.of("tvdb", "12", "we\"ird\\key", "va\tl\nue\u0001" + text), Long.MIN_VALUE);
    }

    private static AssetRow bare(String key) {
        return new AssetRow(key, "/remote/" + key, null, null, 0, null, null, null, "other", null, null, null, null, null, null, null, null, Map.of(), null);
    }

    @Test
    void insertedAndUpsertedRowsReadBackUnchanged() {
        Instant nanos = Instant.parse("2024-05-06T07:08:09.123456789Z");
        Instant epoch = Instant.parse("1970-01-01T00:00:00Z");
        Instant yearOne = Instant.parse("0001-01-01T00:00:00Z");
        try (AssetStore store = AssetStore.open(catalog.target(), "test")) {
            store.insert(collection, List.of(row("inserted", AWKWARD, nanos), row("old", "x", yearOne), bare("replaced")), Instant.now());
            store.write(collection, List.of(row("upserted", AWKWARD + " again", epoch), bare("replaced")), Instant.now());
            Map<String, AssetRecord> byKey = new java.util.HashMap<>();
            store.assets(collection, AssetFilter.ALL, 0, 100).forEach(r -> byKey.put(r.key(), r));
            assertEquals(4, byKey.size(), byKey.keySet()::toString);
            String stored = AWKWARD.replace('\ud800', '?'); // UTF-8 has no lone surrogate: written as String.getBytes writes one
            same(row("inserted", stored, Instant.parse("2024-05-06T07:08:09.123457Z")), byKey.get("inserted")); // microseconds kept, rounded
            same(row("upserted", stored + " again", epoch), byKey.get("upserted"));
            same(row("old", "x", yearOne), byKey.get("old"));
            AssetRecord bare = byKey.get("replaced");
            assertEquals("/remote/replaced", bare.remotePath());
            assertNull(bare.localPath());
            assertNull(bare.filePresent());
            assertNull(bare.modified());
            assertNull(bare.durationMillis());
            assertNull(bare.title());
            assertNull(bare.season());
            assertNull(bare.airDate());
            assertEquals(Map.of(), bare.providerIds());
        }
    }

    private static void same(AssetRow expected, AssetRecord actual) {
        assertEquals(expected.remotePath(), actual.remotePath());
        assertEquals(expected.localPath(), actual.localPath());
        assertEquals(expected.filePresent(), actual.filePresent());
        assertEquals(expected.size(), actual.size());
        assertEquals(expected.modified(), actual.modified().toInstant());
        assertEquals(expected.durationMillis(), actual.durationMillis());
        assertEquals(expected.title(), actual.title());
        assertEquals(expected.kind(), actual.kind());
        assertEquals(expected.show(), actual.show());
        assertEquals(expected.season(), actual.season());
        assertEquals(expected.episode(), actual.episode());
        assertEquals(expected.version(), actual.version());
        assertEquals(expected.year(), actual.year());
        assertEquals(expected.episodeEnd(), actual.episodeEnd());
        assertEquals(expected.airDate(), actual.airDate());
        assertEquals(expected.providerIds(), actual.providerIds());
    }
}
