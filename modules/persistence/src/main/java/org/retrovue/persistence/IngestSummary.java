package org.retrovue.persistence;

/** A collection's assets (present and missing) and its last ingest, null when it was never ingested. */
public record IngestSummary(long present, long missing, IngestRecord lastIngest) {
    public static final IngestSummary NONE = new IngestSummary(0, 0, null);
}
