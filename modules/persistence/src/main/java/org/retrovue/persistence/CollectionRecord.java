package org.retrovue.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A collection as stored, with the name and kind of its source and its path mappings: {@code config} is its
 * plugin's own config (as discovery reported it), {@code locations} and {@code missing} the program's (the root
 * paths discovery reported, and whether discovery no longer finds it).
 */
public record CollectionRecord(UUID id, UUID sourceId, String sourceName, String sourceKind, String externalId, String name, boolean enabled,
                               Map<String, Object> config, List<String> locations, boolean missing, OffsetDateTime createdAt,
                               List<PathMappingRecord> pathMappings) {
    public CollectionRecord {
        config = config == null ? null : JsonMaps.immutable(config);
        locations = List.copyOf(locations);
        pathMappings = List.copyOf(pathMappings);
    }
}
