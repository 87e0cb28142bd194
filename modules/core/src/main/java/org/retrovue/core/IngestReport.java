package org.retrovue.core;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What an ingest did, collection by collection, in the order the collections were chosen. */
public record IngestReport(boolean dryRun, List<CollectionReport> collections, long durationMillis) {
    /**
     * WOULD_INGEST: a dry run's INGESTED (it scanned the collection, and wrote nothing). ENRICHED: what
     * {@code source enrich} did to a collection (no scan).
     */
    public enum Status { INGESTED, WOULD_INGEST, UNCHANGED, SKIPPED, FAILED, BUSY, ENRICHED }

    /**
     * One collection: its status, why it was skipped or failed, the counts, how long it took, its warnings (the
     * first few; {@code counts} has how many), and what failed it when something threw (for {@code --debug}; null
     * otherwise).
     */
    public record CollectionReport(UUID collectionId, String source, String collection, Status status, String reason,
                                   Map<String, Object> counts, long durationMillis, List<String> warnings, Throwable failure) {
        public CollectionReport {
            counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
            warnings = List.copyOf(warnings);
        }

        public CollectionReport(UUID collectionId, String source, String collection, Status status, String reason,
                                Map<String, Object> counts, long durationMillis, List<String> warnings) {
            this(collectionId, source, collection, status, reason, counts, durationMillis, warnings, null);
        }
    }

    public IngestReport {
        collections = List.copyOf(collections);
    }

    /** Failed collections make it 1; otherwise a collection another ingest was holding makes it 5 (conflict). */
    public ErrorKind outcome() {
        if (collections.stream().anyMatch(c -> c.status() == Status.FAILED)) {
            return ErrorKind.EXTERNAL;
        }
        if (collections.stream().anyMatch(c -> c.status() == Status.BUSY)) {
            return ErrorKind.CONFLICT;
        }
        return null;
    }
}
