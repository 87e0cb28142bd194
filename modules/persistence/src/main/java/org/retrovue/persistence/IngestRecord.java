package org.retrovue.persistence;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The last ingest of a collection: when, how it ended ({@code ok}, {@code failed}), its counts, and the
 * collection's version at the source then (null when the source has none).
 */
public record IngestRecord(OffsetDateTime at, String outcome, Map<String, Object> counts, String version, OffsetDateTime lastCompleteAt) {
    public IngestRecord {
        counts = counts == null ? Map.of() : JsonMaps.immutable(counts);
    }
}
