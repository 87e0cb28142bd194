package org.retrovue.persistence;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A source with its collection counts rather than its collections: what a list of sources shows. */
public record SourceSummary(UUID id, String externalId, String name, String kind, Map<String, Object> config,
                            Map<String, Object> options, Map<String, Object> settings, OffsetDateTime createdAt, OffsetDateTime updatedAt, long enabledCollections, long totalCollections) {
    public SourceSummary {
        config = config == null ? null : JsonMaps.immutable(config);
        options = options == null ? null : JsonMaps.immutable(options);
        settings = settings == null ? Map.of() : JsonMaps.immutable(settings);
    }

    public static SourceSummary of(SourceRecord s) {
        return new SourceSummary(s.id(), s.externalId(), s.name(), s.kind(), s.config(), s.options(), s.settings(), s.createdAt(), s.updatedAt(),
                s.enabledCollections(), s.collections().size());
    }
}
