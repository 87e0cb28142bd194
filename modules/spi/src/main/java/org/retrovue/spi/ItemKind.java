package org.retrovue.spi;

/** What a scanned item is, as far as its source knows. */
public enum ItemKind {
    MOVIE, EPISODE, OTHER
}
