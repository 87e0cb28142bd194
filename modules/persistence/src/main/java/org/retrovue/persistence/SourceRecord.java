package org.retrovue.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A source as stored, with its collections. */
public record SourceRecord(UUID id, String externalId, String name, String kind, Map<String, Object> config,
                           OffsetDateTime createdAt, OffsetDateTime updatedAt, List<CollectionRecord> collections) {
    public SourceRecord {
        config = config == null ? null : JsonMaps.immutable(config);
        collections = List.copyOf(collections);
    }

    public long enabledCollections() {
        return collections.stream().filter(CollectionRecord::enabled).count();
    }
}
