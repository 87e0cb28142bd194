package org.retrovue.fakejellyfin;

import java.util.Optional;

/** The item types the fake generates, by the names both servers give them ({@code BaseItemKind} in Jellyfin). */
enum ItemKind {
    MOVIE("Movie", 1, false),
    SERIES("Series", 2, true),
    SEASON("Season", 3, true),
    EPISODE("Episode", 4, false);

    final String typeName;
    final int id;
    final boolean folder;

    ItemKind(String typeName, int id, boolean folder) {
        this.typeName = typeName;
        this.id = id;
        this.folder = folder;
    }

    /** By its type name, case-insensitively, as the servers read {@code IncludeItemTypes}. */
    static Optional<ItemKind> of(String typeName) {
        for (ItemKind kind : values()) {
            if (kind.typeName.equalsIgnoreCase(typeName.trim())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
