package org.retrovue.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * One media item found by a scan. {@code key} identifies it within its collection and never changes for the same
 * item (a Plex ratingKey, a path relative to the collection root). {@code remotePath} is the file's path as the
 * source sees it (path mappings translate it). {@code size} is -1 when unknown; {@code modified} is the file's
 * modification time or the item's update time at the source: with {@code size} it tells whether the item changed.
 * {@code durationMillis}, {@code title}, {@code show}, {@code season} and {@code episode} may be null.
 */
public record ScannedItem(String key, String remotePath, long size, Instant modified, Long durationMillis, String title,
                          ItemKind kind, String show, Integer season, Integer episode) {
    public ScannedItem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(remotePath, "remotePath");
        Objects.requireNonNull(kind, "kind");
    }

    /** A plain file with no metadata beyond its size and time. */
    public static ScannedItem file(String key, String remotePath, long size, Instant modified, String title) {
        return new ScannedItem(key, remotePath, size, modified, null, title, ItemKind.OTHER, null, null, null);
    }
}
