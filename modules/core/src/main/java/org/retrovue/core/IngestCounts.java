package org.retrovue.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one collection's ingest found so far: items seen, and of those new, changed, unchanged and reappeared
 * (missing before, present again); items gone since the last ingest (missing); warnings; items whose local file
 * is not there (flagged); then the enrichment of the new, changed and stale items. Updated by the scanning thread, read by the progress display.
 */
public final class IngestCounts {
    volatile long seen;
    volatile long added;
    volatile long changed;
    volatile long unchanged;
    volatile long reappeared;
    volatile long missing;
    volatile long warnings;
    volatile long flagged;
    /** How many items the scan said it would deliver (ScanSink.expect); -1 when it did not say. */
    volatile long expected = -1;
    private final EnrichmentCounts enrichment = new EnrichmentCounts();

    public long seen() {
        return seen;
    }

    public long added() {
        return added;
    }

    public long changed() {
        return changed;
    }

    public long unchanged() {
        return unchanged;
    }

    public long reappeared() {
        return reappeared;
    }

    public long missing() {
        return missing;
    }

    public long warnings() {
        return warnings;
    }

    public long flagged() {
        return flagged;
    }

    /** How many items the scan expects to deliver, or -1 when unknown; not part of {@link #asMap}. */
    public long expected() {
        return expected;
    }

    /** The enrichment that follows the scan (docs/adr/0011). */
    public EnrichmentCounts enrichment() {
        return enrichment;
    }

    /** The counts as stored with the collection's last ingest and printed in reports. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("seen", seen);
        map.put("new", added);
        map.put("changed", changed);
        map.put("unchanged", unchanged);
        map.put("reappeared", reappeared);
        map.put("missing", missing);
        map.put("warnings", warnings);
        map.put("file_not_found", flagged);
        map.putAll(enrichment.asMap());
        return map;
    }
}
