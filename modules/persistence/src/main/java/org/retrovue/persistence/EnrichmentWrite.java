package org.retrovue.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One asset's enrichment, as written: its facts, and whether they replace what is stored ({@code keepUnmeasured}
 * false: a field not measured now is cleared) or only fill what they measured (true: an enricher declined, so what
 * it measured before stays). {@code enrichedWith} is null when an enricher declined (the asset is tried again);
 * {@code size} and {@code modified} are the file's as the ingest stored them when it was read for enrichment.
 */
public record EnrichmentWrite(long assetId, AssetMedia media, boolean keepUnmeasured, List<String> enrichedWith, long size,
                              Instant modified, Instant at, Map<String, Map<String, Object>> outcomes) {
    public EnrichmentWrite {
        enrichedWith = enrichedWith == null ? null : List.copyOf(enrichedWith);
        outcomes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outcomes));
    }
}
