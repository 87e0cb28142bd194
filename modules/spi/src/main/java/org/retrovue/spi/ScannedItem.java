package org.retrovue.spi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * One media item found by a scan. {@code key} identifies it within its collection and never changes for the same
 * item (a Plex ratingKey, a path relative to the collection root). {@code remotePath} is the file's path as the
 * source sees it (path mappings translate it). {@code size} is -1 when unknown; {@code modified} is the file's
 * modification time or the item's update time at the source. {@code durationMillis}, {@code title}, {@code show},
 * {@code season} and {@code episode} may be null.
 *
 * <p>SPI 1.5: {@code version} is an opaque change token (an ETag, a server's update stamp), null when the source has
 * none; {@code year}, {@code episodeEnd} (the last episode of a file holding several), {@code airDate} and
 * {@code providerIds} (external ids by provider: {@code imdb}, {@code tmdb}, {@code tvdb}) may be null or empty. An
 * item is stored again when any of its values differ from what is stored; an unchanged item must give the same
 * values. Set the 1.5 values with the {@code with...} methods.
 *
 * <p>SPI 1.6: {@code extraType} says which kind of extra an item of kind {@link ItemKind#EXTRA} is (never null for
 * one: {@link ExtraType#OTHER} when unknown), and is null for every other kind. Set it with {@link #asExtra}.
 */
public record ScannedItem(String key, String remotePath, long size, Instant modified, Long durationMillis, String title,
                          ItemKind kind, String show, Integer season, Integer episode, String version, Integer year,
                          Integer episodeEnd, LocalDate airDate, Map<String, String> providerIds, ExtraType extraType) {
    public ScannedItem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(remotePath, "remotePath");
        Objects.requireNonNull(kind, "kind");
        providerIds = providerIds == null ? Map.of() : Map.copyOf(providerIds);
        if (kind == ItemKind.EXTRA && extraType == null) {
            extraType = ExtraType.OTHER;
        } else if (kind != ItemKind.EXTRA && extraType != null) {
            throw new IllegalArgumentException("extraType " + extraType + " given for an item of kind " + kind + "; only EXTRA items have one");
        }
    }

    /** An item as SPI 1.5 made it: no extra type (an EXTRA item's is {@link ExtraType#OTHER}). */
    public ScannedItem(String key, String remotePath, long size, Instant modified, Long durationMillis, String title,
                       ItemKind kind, String show, Integer season, Integer episode, String version, Integer year,
                       Integer episodeEnd, LocalDate airDate, Map<String, String> providerIds) {
        this(key, remotePath, size, modified, durationMillis, title, kind, show, season, episode, version, year, episodeEnd, airDate,
                providerIds, null);
    }

    /** An item as SPI 1.4 and earlier made it: no version, year, episode end, air date or provider ids. */
    public ScannedItem(String key, String remotePath, long size, Instant modified, Long durationMillis, String title,
                       ItemKind kind, String show, Integer season, Integer episode) {
        this(key, remotePath, size, modified, durationMillis, title, kind, show, season, episode, null, null, null, null, Map.of(), null);
    }

    /** A plain file with no metadata beyond its size and time. */
    public static ScannedItem file(String key, String remotePath, long size, Instant modified, String title) {
        return new ScannedItem(key, remotePath, size, modified, null, title, ItemKind.OTHER, null, null, null);
    }

    /** This item with the change token {@code version} (SPI 1.5). */
    public ScannedItem withVersion(String version) {
        return new ScannedItem(key, remotePath, size, modified, durationMillis, title, kind, show, season, episode, version, year,
                episodeEnd, airDate, providerIds, extraType);
    }

    /** This item with its year, last episode, air date and provider ids (SPI 1.5); any may be null. */
    public ScannedItem withDetails(Integer year, Integer episodeEnd, LocalDate airDate, Map<String, String> providerIds) {
        return new ScannedItem(key, remotePath, size, modified, durationMillis, title, kind, show, season, episode, version, year,
                episodeEnd, airDate, providerIds, extraType);
    }

    /** This item as an extra of kind {@code type} (SPI 1.6): its kind becomes {@link ItemKind#EXTRA}; null means {@link ExtraType#OTHER}. */
    public ScannedItem asExtra(ExtraType type) {
        return new ScannedItem(key, remotePath, size, modified, durationMillis, title, ItemKind.EXTRA, show, season, episode, version, year,
                episodeEnd, airDate, providerIds, type == null ? ExtraType.OTHER : type);
    }
}
