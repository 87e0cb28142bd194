package org.retrovue.fakeplex;

import java.util.HexFormat;

/**
 * Makes a library's items from their index alone, the same on every call, so that no listing is held in memory.
 * Every value derives from the item's rating key through a hash: titles, years, durations, containers, and file
 * sizes (movies 0.7 to 40 GB, episodes 0.15 to 4 GB, so many exceed 2^31). Files lie under the library's first
 * location with its separators: a Windows library gets {@code D:\Media\TV\Show\Season 01\Show - s01e01.mkv}.
 *
 * <p>Item {@code i} was added at {@link #EPOCH} + 60 s × i and updated an hour later, unless touched since. A show
 * library holds its episodes in shows of {@value #SEASONS_PER_SHOW} seasons of {@value #EPISODES_PER_SEASON}.
 */
final class ItemGenerator {
    static final long EPOCH = 1_600_000_000L;
    static final int EPISODES_PER_SEASON = 10;
    static final int SEASONS_PER_SHOW = 5;
    private static final int EPISODES_PER_SHOW = EPISODES_PER_SEASON * SEASONS_PER_SHOW;
    private static final long ADDED_EVERY = 60;
    private static final long UPDATED_AFTER = 3_600;
    private static final String[] ADJECTIVES = {"Silent", "Crimson", "Lost", "Électrique", "Midnight", "Golden",
            "Broken", "Distant", "Hidden", "Wild", "Frozen", "Last", "Secret", "Burning", "Quiet", "Neon"};
    private static final String[] NOUNS = {"Harbor", "Station", "Garden", "Signal", "Frontier", "Island", "Empire",
            "Horizon", "Kingdom", "Road", "Mirror", "Tokyo 東京", "Rock & Roll", "L'Été", "Valley", "Letters"};
    private static final String[] CONTAINERS = {"mkv", "mkv", "mkv", "mkv", "mkv", "mkv", "mp4", "mp4", "avi", "m4v"};
    private static final String[] RESOLUTIONS = {"1080", "720", "4k", "sd"};
    private static final HexFormat HEX = HexFormat.of();

    private ItemGenerator() {
    }

    static int count(Library library, ItemType type) {
        int items = library.itemCount();
        return switch (type) {
            case MOVIE -> library.type() == Library.Type.MOVIE ? items : 0;
            case EPISODE -> library.type() == Library.Type.SHOW ? items : 0;
            case SEASON -> library.type() == Library.Type.SHOW ? Math.ceilDiv(items, EPISODES_PER_SEASON) : 0;
            case SHOW -> library.type() == Library.Type.SHOW ? Math.ceilDiv(items, EPISODES_PER_SHOW) : 0;
        };
    }

    /** A show or season was added with its first episode. */
    static long addedAt(ItemType type, int index) {
        return EPOCH + ADDED_EVERY * firstLeaf(type, index);
    }

    static long updatedAt(Section section, ItemType type, int index) {
        long untouched = addedAt(type, index) + UPDATED_AFTER;
        return type.playable() ? section.updatedAt(index, untouched) : untouched;
    }

    /** A new library's updatedAt: its newest item's. */
    static long lastUpdate(int itemCount) {
        return EPOCH + ADDED_EVERY * Math.max(0, itemCount - 1) + UPDATED_AFTER;
    }

    static Node item(Section section, ItemType type, int index) {
        return switch (type) {
            case MOVIE -> movie(section, index);
            case SHOW -> show(section, index);
            case SEASON -> season(section, index);
            case EPISODE -> episode(section, index);
        };
    }

    private static Node movie(Section section, int index) {
        Library library = section.library();
        long key = ratingKey(library, ItemType.MOVIE, index);
        long hash = mix(key);
        String title = movieTitle(index);
        int year = 1950 + (int) ((hash >>> 4) % 75);
        long duration = (80 + (hash >>> 12) % 100) * 60_000 + (hash >>> 20) % 60_000;
        String container = CONTAINERS[(int) ((hash >>> 28) % CONTAINERS.length)];
        String folder = title + " (" + year + ")";
        long size = 700_000_000L + (hash >>> 24) % 39_300_000_000L;
        long updatedAt = updatedAt(section, ItemType.MOVIE, index);
        return new Node("Video")
                .attr("ratingKey", Long.toString(key))
                .attr("key", "/library/metadata/" + key)
                .attr("guid", "plex://movie/" + objectId(hash))
                .attr("type", "movie")
                .attr("title", title)
                .attr("year", year)
                .attr("duration", duration)
                .attr("addedAt", addedAt(ItemType.MOVIE, index))
                .attr("updatedAt", updatedAt)
                .attr("originallyAvailableAt", airDate(year, hash))
                .child(media(key, hash, duration, container, path(library, folder, folder + "." + container), size, updatedAt))
                .child(new Node("Guid").attr("id", "imdb://tt%07d".formatted((hash >>> 1) % 10_000_000)))
                .child(new Node("Guid").attr("id", "tmdb://" + (1 + (hash >>> 8) % 1_000_000)));
    }

    /** A day of {@code year}, as Plex writes {@code originallyAvailableAt}. */
    private static String airDate(int year, long hash) {
        return "%04d-%02d-%02d".formatted(year, 1 + (hash >>> 16) % 12, 1 + (hash >>> 20) % 28);
    }

    private static Node show(Section section, int index) {
        Library library = section.library();
        long key = ratingKey(library, ItemType.SHOW, index);
        int episodes = Math.min(EPISODES_PER_SHOW, library.itemCount() - index * EPISODES_PER_SHOW);
        return new Node("Directory")
                .attr("ratingKey", Long.toString(key))
                .attr("key", "/library/metadata/" + key + "/children")
                .attr("guid", "plex://show/" + objectId(mix(key)))
                .attr("type", "show")
                .attr("title", showTitle(index))
                .attr("year", showYear(library, index))
                .attr("leafCount", episodes)
                .attr("childCount", Math.ceilDiv(episodes, EPISODES_PER_SEASON))
                .attr("addedAt", addedAt(ItemType.SHOW, index))
                .attr("updatedAt", updatedAt(section, ItemType.SHOW, index));
    }

    private static Node season(Section section, int index) {
        Library library = section.library();
        long key = ratingKey(library, ItemType.SEASON, index);
        int show = index / SEASONS_PER_SHOW;
        int season = index % SEASONS_PER_SHOW + 1;
        return new Node("Directory")
                .attr("ratingKey", Long.toString(key))
                .attr("key", "/library/metadata/" + key + "/children")
                .attr("parentRatingKey", Long.toString(ratingKey(library, ItemType.SHOW, show)))
                .attr("guid", "plex://season/" + objectId(mix(key)))
                .attr("type", "season")
                .attr("title", "Season " + season)
                .attr("parentTitle", showTitle(show))
                .attr("index", season)
                .attr("leafCount", Math.min(EPISODES_PER_SEASON, library.itemCount() - index * EPISODES_PER_SEASON))
                .attr("addedAt", addedAt(ItemType.SEASON, index))
                .attr("updatedAt", updatedAt(section, ItemType.SEASON, index));
    }

    private static Node episode(Section section, int index) {
        Library library = section.library();
        long key = ratingKey(library, ItemType.EPISODE, index);
        long hash = mix(key);
        int show = index / EPISODES_PER_SHOW;
        int season = index % EPISODES_PER_SHOW / EPISODES_PER_SEASON + 1;
        int episode = index % EPISODES_PER_SEASON + 1;
        String showTitle = showTitle(show);
        long duration = (20 + (hash >>> 12) % 40) * 60_000 + (hash >>> 20) % 60_000;
        String container = CONTAINERS[(int) ((hash >>> 28) % CONTAINERS.length)];
        String file = showTitle + " - s%02de%02d.%s".formatted(season, episode, container);
        long size = 150_000_000L + (hash >>> 24) % 3_850_000_000L;
        long updatedAt = updatedAt(section, ItemType.EPISODE, index);
        String title = ADJECTIVES[(int) ((hash >>> 4) % ADJECTIVES.length)] + " " + NOUNS[(int) ((hash >>> 8) % NOUNS.length)];
        return new Node("Video")
                .attr("ratingKey", Long.toString(key))
                .attr("key", "/library/metadata/" + key)
                .attr("parentRatingKey", Long.toString(ratingKey(library, ItemType.SEASON, index / EPISODES_PER_SEASON)))
                .attr("grandparentRatingKey", Long.toString(ratingKey(library, ItemType.SHOW, show)))
                .attr("guid", "plex://episode/" + objectId(hash))
                .attr("type", "episode")
                .attr("title", title)
                .attr("grandparentTitle", showTitle)
                .attr("parentTitle", "Season " + season)
                .attr("parentIndex", season)
                .attr("index", episode)
                .attr("year", showYear(library, show) + season - 1)
                .attr("duration", duration)
                .attr("addedAt", addedAt(ItemType.EPISODE, index))
                .attr("updatedAt", updatedAt)
                .attr("originallyAvailableAt", airDate(showYear(library, show) + season - 1, hash))
                .child(media(key, hash, duration, container,
                        path(library, showTitle, "Season %02d".formatted(season), file), size, updatedAt))
                .child(new Node("Guid").attr("id", "imdb://tt%07d".formatted((hash >>> 1) % 10_000_000)))
                .child(new Node("Guid").attr("id", "tvdb://" + (1 + (hash >>> 8) % 10_000_000)));
    }

    private static Node media(long key, long hash, long duration, String container, String file, long size, long updatedAt) {
        Node part = new Node("Part")
                .attr("id", key)
                .attr("key", "/library/parts/" + key + "/" + updatedAt + "/file." + container)
                .attr("duration", duration)
                .attr("file", file)
                .attr("size", size)
                .attr("container", container);
        return new Node("Media")
                .attr("id", key)
                .attr("duration", duration)
                .attr("bitrate", size * 8 / Math.max(1, duration))
                .attr("videoResolution", RESOLUTIONS[(int) ((hash >>> 40) % RESOLUTIONS.length)])
                .attr("container", container)
                .child(part);
    }

    /** Unique across the server: section, item type and index in one number. */
    private static long ratingKey(Library library, ItemType type, int index) {
        return library.number() * 100_000_000L + type.id * 10_000_000L + index + 1;
    }

    private static int firstLeaf(ItemType type, int index) {
        return switch (type) {
            case SHOW -> index * EPISODES_PER_SHOW;
            case SEASON -> index * EPISODES_PER_SEASON;
            case MOVIE, EPISODE -> index;
        };
    }

    /** Unique titles; a few carry the characters XML and JSON must escape. */
    private static String movieTitle(int index) {
        String title = name(index);
        return index % 100 == 42 ? title + " <Director's \"Cut\">" : title;
    }

    private static String showTitle(int index) {
        return "The " + name(index);
    }

    private static String name(int index) {
        int a = ADJECTIVES.length;
        int n = NOUNS.length;
        String name = ADJECTIVES[index % a] + " " + NOUNS[index / a % n];
        int round = index / (a * n);
        return round == 0 ? name : name + " " + (round + 1);
    }

    private static int showYear(Library library, int show) {
        return 1960 + (int) ((mix(ratingKey(library, ItemType.SHOW, show)) >>> 4) % 60);
    }

    private static String path(Library library, String... names) {
        String root = library.locations().getFirst().path();
        String separator = root.contains("\\") ? "\\" : "/";
        StringBuilder path = new StringBuilder(root.endsWith(separator) ? root.substring(0, root.length() - 1) : root);
        for (String name : names) {
            path.append(separator).append(name);
        }
        return path.toString();
    }

    /** A Plex-style guid suffix: 24 hex digits. */
    private static String objectId(long hash) {
        return HEX.toHexDigits(hash) + HEX.toHexDigits((int) (mix(hash) >>> 32));
    }

    /** SplitMix64's finaliser: well-spread bits from consecutive keys. */
    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
