package org.retrovue.persistence;

/**
 * What an ingest needs to know of a stored item to tell whether it changed: its size, its time in microseconds
 * since the epoch (what PostgreSQL keeps; {@link #NO_TIME} when it has none), the digest of its other values
 * ({@link #NO_DIGEST} when none was stored), its state, whether its local file was found ({@code file_present}
 * true) and, when asked for (a full ingest compares everything), the whole item as stored (else null).
 */
public record KnownAsset(long size, long modifiedMicros, long digest, boolean present, boolean fileFound, AssetRow stored) {
    public static final long NO_TIME = Long.MIN_VALUE;
    public static final long NO_DIGEST = Long.MIN_VALUE;
}
