package org.retrovue.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retrovue.pg.testing.TestPostgres;

class CatalogIT {
    private TestPostgres.Database database;
    private Catalog catalog;

    @BeforeEach
    void open() {
        database = TestPostgres.get().freshDatabase();
        catalog = Catalog.open(new DatabaseTarget(database.url(), database.user(), database.password()));
    }

    @AfterEach
    void close() {
        catalog.close();
    }

    private static NewSource source(String externalId, String name) {
        return new NewSource(externalId, name, "filesystem", Map.of("base_path", "/media/" + name), Map.of("base-path", "/media/" + name),
                Map.of("enrichers", List.of("ffprobe")),
                List.of(new NewSource.NewCollection("root", name.toLowerCase(), Map.of("path", "/media/" + name), List.of("/media/" + name))));
    }

    @Test
    void migratesAndRoundTripsSourcesWithCollections() {
        SourceRecord added = catalog.inTransaction(s -> s.addSource(source("filesystem-aaaaaaaaaaaa", "Movies")));
        assertEquals("Movies", added.name());
        assertEquals(1, added.collections().size());
        assertFalse(added.collections().getFirst().enabled());

        SourceRecord read = catalog.inTransaction(s -> s.sourceById(added.id())).orElseThrow();
        assertEquals(added.config(), read.config());
        assertEquals(Map.of("base_path", "/media/Movies"), read.config());
        assertEquals(Map.of("base-path", "/media/Movies"), read.options());
        assertEquals(List.of("ffprobe"), read.settings().get("enrichers"));
        assertEquals(added.createdAt().toInstant(), read.createdAt().toInstant());
        assertEquals(1, catalog.inTransaction(s -> s.sourcesByName("MOVIES")).size());
        assertEquals(SchemaMigrator.latestVersion(), catalog.schemaVersion());
    }

    @Test
    void updateMovesUpdatedAtButNeverCreatedAt() throws Exception {
        SourceRecord added = catalog.inTransaction(s -> s.addSource(source("filesystem-bbbbbbbbbbbb", "Shows")));
        // no pause: an update is later than the creation even within the clock's tick (Timestamps.after)
        SourceRecord updated = catalog.inTransaction(s -> s.updateSource(added.id(), "TV Shows", added.config(), added.options(), added.settings()));
        assertEquals(added.createdAt().toInstant(), updated.createdAt().toInstant());
        assertTrue(updated.updatedAt().isAfter(added.updatedAt()));
        assertEquals("filesystem-bbbbbbbbbbbb", updated.externalId());
    }

    @Test
    void duplicateNameIgnoringCaseIsAConflictAndLeavesNothing() {
        catalog.inTransaction(s -> s.addSource(source("filesystem-cccccccccccc", "Cartoons")));
        CatalogConflictException e = assertThrows(CatalogConflictException.class,
                () -> catalog.inTransaction(s -> s.addSource(source("filesystem-dddddddddddd", "CARTOONS"))));
        assertEquals("sources_name_lower_key", e.constraint());
        assertEquals(1, catalog.inTransaction(CatalogSession::sources).size());
        assertEquals(1, catalog.inTransaction(CatalogSession::collections).size());
    }

    @Test
    void duplicateExternalIdIsAConflict() {
        catalog.inTransaction(s -> s.addSource(source("filesystem-eeeeeeeeeeee", "One")));
        CatalogConflictException e = assertThrows(CatalogConflictException.class,
                () -> catalog.inTransaction(s -> s.addSource(source("filesystem-eeeeeeeeeeee", "Two"))));
        assertEquals("sources_external_id_key", e.constraint());
    }

    @Test
    void deleteCascadesToCollectionsAndPathMappings() throws Exception {
        SourceRecord added = catalog.inTransaction(s -> s.addSource(source("filesystem-ffffffffffff", "Docs")));
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            st.execute("insert into path_mappings (id, collection_id, plex_path, local_path) values (gen_random_uuid(), '"
                    + added.collections().getFirst().id() + "', '/data', '/mnt/data')");
        }
        assertEquals(1, catalog.inTransaction(s -> s.sourceById(added.id())).orElseThrow().collections().getFirst().pathMappings().size());
        boolean deleted = catalog.inTransaction(s -> s.deleteSource(added.id()));
        assertTrue(deleted);
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            for (String table : List.of("sources", "source_collections", "path_mappings")) {
                try (ResultSet rs = st.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), table);
                }
            }
        }
    }

    @Test
    void enablingACollectionIsStored() {
        SourceRecord added = catalog.inTransaction(s -> s.addSource(source("filesystem-121212121212", "Music")));
        var id = added.collections().getFirst().id();
        catalog.inTransaction(s -> s.setCollectionEnabled(id, true));
        assertTrue(catalog.inTransaction(s -> s.collectionById(id)).orElseThrow().enabled());
        assertEquals(1, catalog.inTransaction(s -> s.collectionsByName("MUSIC")).size());
    }

    @Test
    void theJdbcReaderAndTheEntityManagerGiveTheSameAnswers() throws Exception {
        SourceRecord a = catalog.inTransaction(s -> s.addSource(new NewSource("filesystem-a1a1a1a1a1a1", "alpha", "filesystem",
                Map.of("base_path", "/a", "n", 3, "nested", Map.of("x", List.of(1, "two", true))), Map.of("n", 3), Map.of("enrichers", List.of()),
                List.of(new NewSource.NewCollection("root", "Zeta", Map.of(), List.of()), new NewSource.NewCollection("b", "beta", Map.of("k", "v"), List.of())))));
        catalog.inTransaction(s -> s.addSource(source("filesystem-b2b2b2b2b2b2", "Bravo")));
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            for (String path : List.of("/z", "/a", "/m")) {
                st.execute("insert into path_mappings (id, collection_id, plex_path, local_path) values (gen_random_uuid(), '"
                        + a.collections().getFirst().id() + "', '" + path + "', '/local" + path + "')");
            }
        }
        catalog.inTransaction(s -> s.setCollectionEnabled(a.collections().get(1).id(), true));
        for (java.util.function.Function<CatalogReader, Object> question : List.<java.util.function.Function<CatalogReader, Object>>of(
                CatalogReader::sources, CatalogReader::sourceSummaries, CatalogReader::collections,
                r -> r.sourceById(a.id()), r -> r.sourceByExternalId("filesystem-b2b2b2b2b2b2"), r -> r.sourcesByName("ALPHA"),
                r -> r.collectionById(a.collections().getFirst().id()), r -> r.collectionsByExternalId("root"), r -> r.collectionsByName("ZETA"))) {
            Object viaJdbc = catalog.read(question);
            Object viaJpa = catalog.inTransaction(question::apply);
            assertEquals(viaJpa, viaJdbc);
        }
        List<SourceRecord> sources = catalog.read(CatalogReader::sources);
        assertEquals(List.of("alpha", "Bravo"), sources.stream().map(SourceRecord::name).toList());
        assertEquals(List.of("beta", "Zeta"), sources.getFirst().collections().stream().map(CollectionRecord::name).toList());
        assertEquals(List.of("/a", "/m", "/z"), sources.getFirst().collections().get(0).pathMappings().stream().map(PathMappingRecord::plexPath).toList());
        assertEquals(3L, ((Number) ((Map<?, ?>) sources.getFirst().config()).get("n")).longValue());
    }

    @Test
    void readsSurviveAServerThatDroppedTheConnection() throws Exception {
        catalog.inTransaction(s -> s.addSource(source("filesystem-c3c3c3c3c3c3", "Charlie")));
        assertEquals(1, catalog.read(CatalogReader::sources).size());
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            st.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()");
        }
        assertEquals(1, catalog.read(CatalogReader::sources).size());
    }

    @Test
    void refusesASchemaNewerThanThisProgram() throws Exception {
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            st.execute("insert into flyway_schema_history (installed_rank, version, description, type, script, installed_by, execution_time, success)"
                    + " values (99, '99', 'future', 'SQL', 'V99__future.sql', 'test', 0, true)");
        }
        SchemaTooNewException e = assertThrows(SchemaTooNewException.class,
                () -> Catalog.open(new DatabaseTarget(database.url(), database.user(), database.password())));
        assertTrue(e.getMessage().contains("schema version 99"), e.getMessage());
    }

    @Test
    void unreachableDatabaseNamesHostAndPort() {
        DatabaseUnavailableException e = assertThrows(DatabaseUnavailableException.class,
                () -> Catalog.open(new DatabaseTarget("jdbc:postgresql://127.0.0.1:1/retrovue?connectTimeout=2", "x", "secret-pw")));
        assertTrue(e.getMessage().contains("127.0.0.1:1"), e.getMessage());
        assertFalse(e.getMessage().contains("secret-pw"));
    }
}
