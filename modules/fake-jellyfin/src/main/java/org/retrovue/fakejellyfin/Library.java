package org.retrovue.fakejellyfin;

import java.util.List;

/**
 * One library ("virtual folder") as {@code /Library/VirtualFolders} lists it. Its items are not held here: they are
 * generated from their index ({@link #itemCount()} movies or episodes). A forbidden library is listed but its items
 * answer 403, as for a key whose user may not see it.
 */
public record Library(int number, String itemId, String name, Type type, List<String> locations, int itemCount,
                      boolean forbidden) {

    /**
     * The kinds of library, with the {@code CollectionType} the servers give them ({@code CollectionTypeOptions} in
     * Jellyfin: photo libraries are "homevideos"; a mixed library has none). Movie and mixed libraries hold movies,
     * show libraries shows, seasons and episodes; the others hold nothing a video client lists.
     */
    public enum Type {
        MOVIES("movies"),
        TVSHOWS("tvshows"),
        MUSIC("music"),
        MUSICVIDEOS("musicvideos"),
        HOMEVIDEOS("homevideos"),
        BOOKS("books"),
        BOXSETS("boxsets"),
        MIXED(null);

        private final String collectionType;

        Type(String collectionType) {
            this.collectionType = collectionType;
        }

        /** The {@code CollectionType}, or null for a mixed library (the field is then left out). */
        public String collectionType() {
            return collectionType;
        }

        boolean holdsMovies() {
            return this == MOVIES || this == MIXED;
        }

        boolean holdsShows() {
            return this == TVSHOWS;
        }
    }

    public Library {
        locations = List.copyOf(locations);
    }

    Library withName(String newName) {
        return new Library(number, itemId, newName, type, locations, itemCount, forbidden);
    }

    Library withLocations(List<String> newLocations) {
        return new Library(number, itemId, name, type, newLocations, itemCount, forbidden);
    }

    Library withItemCount(int count) {
        return new Library(number, itemId, name, type, locations, count, forbidden);
    }

    Library withForbidden(boolean isForbidden) {
        return new Library(number, itemId, name, type, locations, itemCount, isForbidden);
    }
}
