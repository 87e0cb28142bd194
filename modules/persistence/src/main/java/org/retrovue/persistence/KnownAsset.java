package org.retrovue.persistence;

/**
 * What an ingest needs to know of a stored item to tell whether it changed: its size, its time in microseconds
 * since the epoch (what PostgreSQL keeps; {@link #NO_TIME} when it has none) and its state.
 */
public record KnownAsset(long size, long modifiedMicros, boolean present) {
    public static final long NO_TIME = Long.MIN_VALUE;
}
