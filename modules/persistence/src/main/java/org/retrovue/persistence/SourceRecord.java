package org.retrovue.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A source as stored, with its collections: {@code config} is its plugin's own configuration (what the plugin's
 * validate returned), {@code options} the option values the operator gave (keyed by option name; null for a source
 * stored before they were kept), {@code settings} the program's own keys (enrichers, identity, ...).
 */
public record SourceRecord(UUID id, String externalId, String name, String kind, Map<String, Object> config,
                           Map<String, Object> options, Map<String, Object> settings,
                           OffsetDateTime createdAt, OffsetDateTime updatedAt, List<CollectionRecord> collections) {
    public SourceRecord {
        config = config == null ? null : JsonMaps.immutable(config);
        options = options == null ? null : JsonMaps.immutable(options);
        settings = settings == null ? Map.of() : JsonMaps.immutable(settings);
        collections = List.copyOf(collections);
    }

    public long enabledCollections() {
        return collections.stream().filter(CollectionRecord::enabled).count();
    }
}
