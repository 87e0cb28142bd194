package org.retrovue.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.retrovue.persistence.CatalogReader;
import org.retrovue.persistence.CollectionRecord;
import org.retrovue.persistence.IngestRecord;
import org.retrovue.persistence.IngestSummary;
import org.retrovue.persistence.PathMappingRecord;
import org.retrovue.persistence.RecordOrder;
import org.retrovue.persistence.SourceRecord;
import org.retrovue.persistence.SourceSummary;

/**
 * {@link CatalogReader} in plain SQL over one connection: each read is one query joining sources, collections
 * and path mappings, so read-only commands never start the persistence unit (docs/adr/0006).
 */
public final class JdbcCatalogReader implements CatalogReader {
    private static final String SOURCE_TREE = """
            select s.id, s.external_id, s.name, s.kind, s.config::text, s.created_at, s.updated_at,
                   c.id, c.external_id, c.name, c.enabled, c.config::text, c.created_at,
                   m.id, m.plex_path, m.local_path, s.options::text, s.settings::text, c.locations::text, c.missing
              from sources s
              left join source_collections c on c.source_id = s.id
              left join path_mappings m on m.collection_id = c.id
            """;
    private static final String COLLECTIONS = """
            select s.id, s.name, c.id, c.external_id, c.name, c.enabled, c.config::text, c.created_at,
                   m.id, m.plex_path, m.local_path, s.kind, c.locations::text, c.missing
              from source_collections c
              join sources s on s.id = c.source_id
              left join path_mappings m on m.collection_id = c.id
            """;

    private static final String SUMMARIES = """
            select s.id, s.external_id, s.name, s.kind, s.config::text, s.created_at, s.updated_at,
                   count(c.id) filter (where c.enabled), count(c.id), s.options::text, s.settings::text
              from sources s
              left join source_collections c on c.source_id = s.id
             group by s.id
            """;

    private static final String INGEST_SUMMARIES = """
            select c.id, count(a.id) filter (where a.state = 'present'), count(a.id) filter (where a.state = 'missing'),
                   c.last_ingest_at, c.last_ingest_outcome, c.last_ingest_counts::text, c.last_ingest_version, c.last_complete_ingest_at
              from source_collections c
              left join assets a on a.collection_id = c.id
             where c.id = any (?)
             group by c.id
            """;

    private static final String LAST_INGEST = """
            select last_ingest_at, last_ingest_outcome, last_ingest_counts::text, last_ingest_version, last_complete_ingest_at
              from source_collections where id = ?
            """;

    private final Connection connection;

    public JdbcCatalogReader(Connection connection) {
        this.connection = connection;
    }

    /** Asset counts and last ingest per collection (not part of {@link CatalogReader}: entities do not map assets). */
    public Map<UUID, IngestSummary> ingestSummaries(java.util.Collection<UUID> collectionIds) {
        Map<UUID, IngestSummary> summaries = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement(INGEST_SUMMARIES)) {
            s.setArray(1, connection.createArrayOf("uuid", collectionIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    summaries.put(rs.getObject(1, UUID.class), new IngestSummary(rs.getLong(2), rs.getLong(3), ingestRecord(rs, 4)));
                }
            }
        } catch (SQLException e) {
            throw new org.retrovue.persistence.CatalogException("cannot read ingest summaries: " + e.getMessage(), e);
        }
        return summaries;
    }

    /** The last ingest of a collection; empty when it had none, or is gone. */
    public Optional<IngestRecord> lastIngest(UUID collectionId) {
        try (PreparedStatement s = connection.prepareStatement(LAST_INGEST)) {
            s.setObject(1, collectionId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.ofNullable(ingestRecord(rs, 1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new org.retrovue.persistence.CatalogException("cannot read the last ingest: " + e.getMessage(), e);
        }
    }

    /** The last ingest in the five columns from {@code first} (at, outcome, counts, version, last complete), null when none. */
    private static IngestRecord ingestRecord(ResultSet rs, int first) throws SQLException {
        OffsetDateTime at = rs.getObject(first, OffsetDateTime.class);
        return at == null ? null : new IngestRecord(at, rs.getString(first + 1), StoredConfig.parse(rs.getString(first + 2)),
                rs.getString(first + 3), rs.getObject(first + 4, OffsetDateTime.class));
    }

    @Override
    public List<SourceRecord> sources() {
        return sourceTree("", null);
    }

    @Override
    public List<SourceSummary> sourceSummaries() {
        List<SourceSummary> summaries = new ArrayList<>();
        query(SUMMARIES, null, rs -> summaries.add(new SourceSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getString(4), StoredConfig.parse(rs.getString(5)), StoredConfig.parse(rs.getString(10)), StoredConfig.parse(rs.getString(11)),
                rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class),
                rs.getLong(8), rs.getLong(9))));
        summaries.sort(RecordOrder.SOURCE_SUMMARIES);
        return summaries;
    }

    @Override
    public Optional<SourceRecord> sourceById(UUID id) {
        return sourceTree("where s.id = ?", id).stream().findFirst();
    }

    @Override
    public Optional<SourceRecord> sourceByExternalId(String externalId) {
        return sourceTree("where s.external_id = ?", externalId).stream().findFirst();
    }

    @Override
    public List<SourceRecord> sourcesByName(String name) {
        return sourceTree("where lower(s.name) = lower(?)", name);
    }

    @Override
    public List<CollectionRecord> collections() {
        return collections("", null);
    }

    @Override
    public Optional<CollectionRecord> collectionById(UUID id) {
        return collections("where c.id = ?", id).stream().findFirst();
    }

    @Override
    public List<CollectionRecord> collectionsByExternalId(String externalId) {
        return collections("where c.external_id = ?", externalId);
    }

    @Override
    public List<CollectionRecord> collectionsByName(String name) {
        return collections("where lower(c.name) = lower(?)", name);
    }

    private final class SourceRow {
        final UUID id;
        final String externalId;
        final String name;
        final String kind;
        final String config;
        final String options;
        final String settings;
        final OffsetDateTime createdAt;
        final OffsetDateTime updatedAt;
        final Map<UUID, CollectionRow> collections = new LinkedHashMap<>();

        SourceRow(ResultSet rs) throws SQLException {
            id = rs.getObject(1, UUID.class);
            externalId = rs.getString(2);
            name = rs.getString(3);
            kind = rs.getString(4);
            config = rs.getString(5);
            createdAt = rs.getObject(6, OffsetDateTime.class);
            updatedAt = rs.getObject(7, OffsetDateTime.class);
            options = rs.getString(17);
            settings = rs.getString(18);
        }

        SourceRecord toRecord() {
            List<CollectionRecord> records = new ArrayList<>();
            collections.values().forEach(c -> records.add(c.toRecord(id, name, kind)));
            records.sort(RecordOrder.COLLECTIONS_OF_A_SOURCE);
            return new SourceRecord(id, externalId, name, kind, StoredConfig.parse(config), StoredConfig.parse(options), StoredConfig.parse(settings), createdAt, updatedAt, records);
        }
    }

    private static final class CollectionRow {
        final UUID id;
        final String externalId;
        final String name;
        final boolean enabled;
        final String config;
        final String locations;
        final boolean missing;
        final OffsetDateTime createdAt;
        final List<PathMappingRecord> mappings = new ArrayList<>();

        /** Reads the collection columns starting at {@code at} and its program's columns at {@code programAt}. */
        CollectionRow(ResultSet rs, int at, int programAt) throws SQLException {
            id = rs.getObject(at, UUID.class);
            externalId = rs.getString(at + 1);
            name = rs.getString(at + 2);
            enabled = rs.getBoolean(at + 3);
            config = rs.getString(at + 4);
            createdAt = rs.getObject(at + 5, OffsetDateTime.class);
            locations = rs.getString(programAt);
            missing = rs.getBoolean(programAt + 1);
        }

        void addMapping(ResultSet rs, int at) throws SQLException {
            UUID mappingId = rs.getObject(at, UUID.class);
            if (mappingId != null) {
                mappings.add(new PathMappingRecord(mappingId, id, rs.getString(at + 1), rs.getString(at + 2)));
            }
        }

        CollectionRecord toRecord(UUID sourceId, String sourceName, String sourceKind) {
            mappings.sort(RecordOrder.PATH_MAPPINGS);
            return new CollectionRecord(id, sourceId, sourceName, sourceKind, externalId, name, enabled, StoredConfig.parse(config),
                    StoredConfig.parseLocations(locations), missing, createdAt, mappings);
        }
    }

    private List<SourceRecord> sourceTree(String where, Object parameter) {
        Map<UUID, SourceRow> sources = new LinkedHashMap<>();
        query(SOURCE_TREE + where, parameter, rs -> {
            SourceRow source = sources.get(rs.getObject(1, UUID.class));
            if (source == null) {
                source = new SourceRow(rs);
                sources.put(source.id, source);
            }
            UUID collectionId = rs.getObject(8, UUID.class);
            if (collectionId != null) {
                CollectionRow collection = source.collections.get(collectionId);
                if (collection == null) {
                    collection = new CollectionRow(rs, 8, 19);
                    source.collections.put(collectionId, collection);
                }
                collection.addMapping(rs, 14);
            }
        });
        List<SourceRecord> records = new ArrayList<>();
        sources.values().forEach(s -> records.add(s.toRecord()));
        records.sort(RecordOrder.SOURCES);
        return records;
    }

    private List<CollectionRecord> collections(String where, Object parameter) {
        Map<UUID, CollectionRow> collections = new LinkedHashMap<>();
        Map<UUID, UUID> sourceIds = new LinkedHashMap<>();
        Map<UUID, String> sourceNames = new LinkedHashMap<>();
        Map<UUID, String> sourceKinds = new LinkedHashMap<>();
        query(COLLECTIONS + where, parameter, rs -> {
            UUID collectionId = rs.getObject(3, UUID.class);
            CollectionRow collection = collections.get(collectionId);
            if (collection == null) {
                collection = new CollectionRow(rs, 3, 13);
                collections.put(collectionId, collection);
                sourceIds.put(collectionId, rs.getObject(1, UUID.class));
                sourceNames.put(collectionId, rs.getString(2));
                sourceKinds.put(collectionId, rs.getString(12));
            }
            collection.addMapping(rs, 9);
        });
        List<CollectionRecord> records = new ArrayList<>();
        collections.forEach((id, c) -> records.add(c.toRecord(sourceIds.get(id), sourceNames.get(id), sourceKinds.get(id))));
        records.sort(RecordOrder.COLLECTIONS);
        return records;
    }

    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Object parameter, RowHandler handler) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setObject(1, parameter);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the catalogue failed: " + e.getMessage(), e);
        }
    }

}
