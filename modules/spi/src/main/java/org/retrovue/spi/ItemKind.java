package org.retrovue.spi;

/**
 * What a scanned item is, as far as its source knows. {@link #EXTRA} (SPI 1.6) is material that belongs to a movie
 * or a show but is not one of its episodes or the film itself (a trailer, a featurette, a deleted scene): it is
 * never scheduled as an episode. Say which kind of extra with {@link ScannedItem#asExtra(ExtraType)}.
 */
public enum ItemKind {
    MOVIE, EPISODE, OTHER,
    /** @since SPI 1.6 */
    EXTRA
}
