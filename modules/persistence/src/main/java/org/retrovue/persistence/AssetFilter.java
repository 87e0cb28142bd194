package org.retrovue.persistence;

/**
 * Which of a collection's items a listing selects: with {@code missingOnly}, those the last complete ingest did not
 * find; with {@code notReadyOnly}, those not ready for air ({@link AssetRecord#notReadyReason}); with a
 * {@code pathGlob}, those whose local path it matches whole ({@code *} any run of characters, {@code /} included,
 * {@code ?} one character, anything else itself, case counting). Items with no local path (no mapping) match no glob.
 */
public record AssetFilter(boolean missingOnly, boolean notReadyOnly, String pathGlob) {
    public static final AssetFilter ALL = new AssetFilter(false, false, null);

    public AssetFilter(boolean missingOnly, String pathGlob) {
        this(missingOnly, false, pathGlob);
    }
}
