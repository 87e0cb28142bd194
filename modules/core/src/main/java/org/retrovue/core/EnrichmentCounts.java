package org.retrovue.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one collection's enrichment goes: items to enrich, items done, and of those, how many every enricher filled,
 * how many one failed on (the reason is kept with the item), and how many wait for an enricher that declined (its
 * tool is missing: tried again next time). Updated by the enriching thread, read by the progress display.
 */
public final class EnrichmentCounts {
    volatile long total;
    volatile long done;
    volatile long filled;
    volatile long failed;
    volatile long waiting;

    public long total() {
        return total;
    }

    public long done() {
        return done;
    }

    public long failed() {
        return failed;
    }

    public long waiting() {
        return waiting;
    }

    /** The counts as printed in reports and stored with the collection's last ingest. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("to_enrich", total);
        map.put("enriched", filled);
        map.put("enrich_failed", failed);
        map.put("enrich_waiting", waiting);
        return map;
    }
}
