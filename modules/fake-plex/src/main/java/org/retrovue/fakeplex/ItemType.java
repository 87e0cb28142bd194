package org.retrovue.fakeplex;

import java.util.Optional;

/** The {@code type} parameter of {@code /library/sections/{key}/all}: what a listing holds. */
enum ItemType {
    MOVIE(1, "movie", "All Movies"),
    SHOW(2, "show", "All Shows"),
    SEASON(3, "season", "All Seasons"),
    EPISODE(4, "episode", "All Episodes");

    final int id;
    final String plexName;
    final String title2;

    ItemType(int id, String plexName, String title2) {
        this.id = id;
        this.plexName = plexName;
        this.title2 = title2;
    }

    static Optional<ItemType> of(int id) {
        for (ItemType type : values()) {
            if (type.id == id) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** What Plex lists when no type is asked for: the library's top-level items. */
    static ItemType defaultFor(Library.Type libraryType) {
        return libraryType == Library.Type.MOVIE ? MOVIE : SHOW;
    }

    /** Playable items carry Media and Part and are written as {@code Video} in XML; the others as {@code Directory}. */
    boolean playable() {
        return this == MOVIE || this == EPISODE;
    }
}
