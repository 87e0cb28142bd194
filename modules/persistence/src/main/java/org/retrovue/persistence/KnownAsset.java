package org.retrovue.persistence;

/**
 * What an ingest needs to know of a stored item to tell whether it changed: its size, its time in microseconds
 * since the epoch (what PostgreSQL keeps; {@link #NO_TIME} when it has none), its state, whether its local file
 * was found ({@code file_present} true) and, when asked for (a full ingest compares everything), the whole item
 * as stored (else null).
 */
public record KnownAsset(long size, long modifiedMicros, boolean present, boolean fileFound, AssetRow stored) {
    public static final long NO_TIME = Long.MIN_VALUE;
}
