package org.retrovue.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * How an asset was last enriched: the enricher list ({@code id@version}, in order) that completed on it (null while
 * one declined, or never), when, and each enricher's outcome by id ({@code outcome}: filled, failed or declined,
 * {@code version}, {@code reason}: why it failed or declined, else null). Never null on an {@link AssetRecord}.
 */
public record AssetEnrichment(List<String> enrichedWith, OffsetDateTime at, Map<String, Map<String, Object>> outcomes) {
    public static final AssetEnrichment NONE = new AssetEnrichment(null, null, Map.of());

    public AssetEnrichment {
        enrichedWith = enrichedWith == null ? null : List.copyOf(enrichedWith);
        outcomes = outcomes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outcomes));
    }
}
