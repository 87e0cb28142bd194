package org.retrovue.spi;

/**
 * Which kind of extra an {@link ItemKind#EXTRA} item is (SPI 1.6), after the names Plex and Jellyfin give extras
 * (the {@code -trailer} suffix, the {@code Featurettes} folder ...). {@link #OTHER} is an extra of no known kind
 * (an {@code Extras} folder).
 */
public enum ExtraType {
    TRAILER, FEATURETTE, BEHIND_THE_SCENES, DELETED_SCENE, INTERVIEW, SCENE, SHORT, SAMPLE, CLIP, THEME_VIDEO, OTHER
}
