package org.retrovue.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A collection as stored, with the name and kind of its source and its path mappings. */
public record CollectionRecord(UUID id, UUID sourceId, String sourceName, String sourceKind, String externalId, String name, boolean enabled,
                               Map<String, Object> config, OffsetDateTime createdAt, List<PathMappingRecord> pathMappings) {
    public CollectionRecord {
        config = config == null ? null : JsonMaps.immutable(config);
        pathMappings = List.copyOf(pathMappings);
    }
}
