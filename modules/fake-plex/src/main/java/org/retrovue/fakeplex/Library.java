package org.retrovue.fakeplex;

import java.util.List;

/**
 * One library section as {@code /library/sections} lists it. Its items are not held here: they are generated from
 * their index ({@link #itemCount()} movies or episodes).
 */
public record Library(String key, String title, Type type, String agent, String scanner, String language, String uuid,
                      long createdAt, long updatedAt, long scannedAt, List<Location> locations, int itemCount) {

    /** The kinds of library the fake server offers, with the agent and scanner Plex gives them. */
    public enum Type {
        MOVIE("movie", "tv.plex.agents.movie", "Plex Movie"),
        SHOW("show", "tv.plex.agents.series", "Plex TV Series"),
        /** A music library: the plugin leaves it out. */
        ARTIST("artist", "tv.plex.agents.music", "Plex Music"),
        PHOTO("photo", "com.plexapp.agents.none", "Plex Photo");

        private final String plexName;
        private final String agent;
        private final String scanner;

        Type(String plexName, String agent, String scanner) {
            this.plexName = plexName;
            this.agent = agent;
            this.scanner = scanner;
        }

        public String plexName() {
            return plexName;
        }

        String agent() {
            return agent;
        }

        String scanner() {
            return scanner;
        }
    }

    public Library {
        locations = List.copyOf(locations);
    }

    int number() {
        return Integer.parseInt(key);
    }

    Library withTitle(String newTitle, long at) {
        return new Library(key, newTitle, type, agent, scanner, language, uuid, createdAt, at, scannedAt, locations, itemCount);
    }

    Library withLocations(List<Location> newLocations, long at) {
        return new Library(key, title, type, agent, scanner, language, uuid, createdAt, at, scannedAt, newLocations, itemCount);
    }

    Library scannedAt(long at) {
        return new Library(key, title, type, agent, scanner, language, uuid, createdAt, at, at, locations, itemCount);
    }
}
