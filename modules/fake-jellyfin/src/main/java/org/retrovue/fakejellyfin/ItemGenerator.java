package org.retrovue.fakejellyfin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes a library's items from their index alone, the same on every call, so that no listing is held in memory.
 * Values derive from the item's key through a hash: titles, years, run times, containers and file sizes (movies
 * 0.7 to 40 GB, episodes 0.15 to 4 GB, so many exceed 2^31). Files lie under the library's first location with its
 * separators: a Windows library gets {@code D:\Media\TV\Show\Season 01\Show - S01E01.mkv}.
 *
 * <p>Item {@code i} was created at {@link #EPOCH} + 60 s × i. A show library holds its episodes in shows of
 * {@value #SEASONS_PER_SHOW} seasons of {@value #EPISODES_PER_SEASON}; the last episode of every season is a double
 * episode ({@code IndexNumberEnd}). Sort names follow the index, so {@code SortName} and {@code DateCreated} orders
 * are both index order: paging is deterministic.
 */
final class ItemGenerator {
    static final long EPOCH = 1_600_000_000L;
    static final int EPISODES_PER_SEASON = 10;
    static final int SEASONS_PER_SHOW = 5;
    private static final int EPISODES_PER_SHOW = EPISODES_PER_SEASON * SEASONS_PER_SHOW;
    private static final long CREATED_EVERY = 60;
    private static final long TICKS_PER_MILLISECOND = 10_000;
    private static final String[] ADJECTIVES = {"Silent", "Crimson", "Lost", "Électrique", "Midnight", "Golden",
            "Broken", "Distant", "Hidden", "Wild", "Frozen", "Last", "Secret", "Burning", "Quiet", "Neon"};
    private static final String[] NOUNS = {"Harbor", "Station", "Garden", "Signal", "Frontier", "Island", "Empire",
            "Horizon", "Kingdom", "Road", "Mirror", "Tokyo 東京", "Rock & Roll", "L'Été", "Valley", "Letters"};
    private static final String[] CONTAINERS = {"mkv", "mkv", "mkv", "mkv", "mkv", "mkv", "mp4", "mp4", "avi", "m4v"};
    private static final String[] VERSIONS = {"1080p", "720p", "2160p", "480p", "Director's Cut", "Extended", "3D", "HDR", "Remux"};

    private static final java.util.regex.Pattern UNSAFE = java.util.regex.Pattern.compile("[<>:\"/\\\\|?*]");

    private ItemGenerator() {
    }

    /** How many items of the kind the library was made with (removed ones included). */
    static int count(Library library, ItemKind kind) {
        int items = library.itemCount();
        return switch (kind) {
            case MOVIE -> library.type().holdsMovies() ? items : 0;
            case EPISODE -> library.type().holdsShows() ? items : 0;
            case SEASON -> library.type().holdsShows() ? Math.ceilDiv(items, EPISODES_PER_SEASON) : 0;
            case SERIES -> library.type().holdsShows() ? Math.ceilDiv(items, EPISODES_PER_SHOW) : 0;
        };
    }

    /** A show or season was created with its first episode. */
    static long dateCreated(ItemKind kind, int index) {
        return EPOCH + CREATED_EVERY * firstEpisode(kind, index);
    }

    static Item item(Dialect dialect, Section section, ItemKind kind, int index) {
        return switch (kind) {
            case MOVIE -> movie(dialect, section, index);
            case SERIES -> series(dialect, section, index);
            case SEASON -> season(dialect, section, index);
            case EPISODE -> episode(dialect, section, index);
        };
    }

    private static Item movie(Dialect dialect, Section section, int index) {
        Library library = section.library();
        long key = Ids.key(library, ItemKind.MOVIE, index);
        long hash = Ids.mix(key);
        String id = Ids.item(dialect, library, ItemKind.MOVIE, index);
        String name = movieTitle(index);
        int year = 1950 + (int) ((hash >>> 4) % 75);
        long ticks = ((80 + (hash >>> 12) % 100) * 60_000 + (hash >>> 20) % 60_000) * TICKS_PER_MILLISECOND;
        String container = CONTAINERS[(int) ((hash >>> 28) % CONTAINERS.length)];
        String folder = fileName(name) + " (" + year + ")";
        long size = 700_000_000L + (hash >>> 24) % 39_300_000_000L;
        Map<String, String> providers = new LinkedHashMap<>();
        providers.put("Tmdb", Long.toString(1 + (hash >>> 8) % 1_000_000));
        providers.put("Imdb", "tt" + padded((hash >>> 1) % 10_000_000, 7));
        String etag = etag(section, key, index);
        boolean pathless = section.pathless(index);
        String path = pathless ? null : path(library, folder, folder + "." + container);
        return new Item(id, name, sortKey(index) + " " + name.toLowerCase(java.util.Locale.ROOT), ItemKind.MOVIE, path,
                ticks, year, null, null, null, null, null, null, null, providers, etag, dateCreated(ItemKind.MOVIE, index),
                pathless ? null : container,
                pathless ? List.of() : sources(dialect, section, index, id, key, path, size, container, ticks), pathless);
    }

    private static Item series(Dialect dialect, Section section, int index) {
        Library library = section.library();
        long key = Ids.key(library, ItemKind.SERIES, index);
        long hash = Ids.mix(key);
        String name = showTitle(index);
        Map<String, String> providers = new LinkedHashMap<>();
        providers.put("Tvdb", Long.toString(1 + (hash >>> 8) % 1_000_000));
        providers.put("Imdb", "tt" + padded((hash >>> 1) % 10_000_000, 7));
        return new Item(Ids.item(dialect, library, ItemKind.SERIES, index), name, sortKey(index) + " " + name.toLowerCase(java.util.Locale.ROOT),
                ItemKind.SERIES, path(library, fileName(name)), null, showYear(library, index), null, null, null, null,
                null, null, null, providers, Ids.hex32(key, 0), dateCreated(ItemKind.SERIES, index), null, List.of(), false);
    }

    private static Item season(Dialect dialect, Section section, int index) {
        Library library = section.library();
        long key = Ids.key(library, ItemKind.SEASON, index);
        int show = index / SEASONS_PER_SHOW;
        int season = index % SEASONS_PER_SHOW + 1;
        String showName = showTitle(show);
        return new Item(Ids.item(dialect, library, ItemKind.SEASON, index), "Season " + season, sortKey(index) + " season " + season,
                ItemKind.SEASON, path(library, fileName(showName), "Season " + padded(season, 2)), null,
                showYear(library, show) + season - 1, showName, Ids.item(dialect, library, ItemKind.SERIES, show), null, null,
                null, season, null, Map.of(), Ids.hex32(key, 0), dateCreated(ItemKind.SEASON, index), null, List.of(), false);
    }

    private static Item episode(Dialect dialect, Section section, int index) {
        Library library = section.library();
        long key = Ids.key(library, ItemKind.EPISODE, index);
        long hash = Ids.mix(key);
        String id = Ids.item(dialect, library, ItemKind.EPISODE, index);
        int show = index / EPISODES_PER_SHOW;
        int season = index % EPISODES_PER_SHOW / EPISODES_PER_SEASON + 1;
        int episode = index % EPISODES_PER_SEASON + 1;
        Integer episodeEnd = episode == EPISODES_PER_SEASON ? episode + 1 : null;
        String showName = showTitle(show);
        long ticks = ((20 + (hash >>> 12) % 40) * 60_000 + (hash >>> 20) % 60_000) * TICKS_PER_MILLISECOND;
        String container = CONTAINERS[(int) ((hash >>> 28) % CONTAINERS.length)];
        String numbering = "S" + padded(season, 2) + "E" + padded(episode, 2) + (episodeEnd == null ? "" : "-E" + padded(episodeEnd, 2));
        String file = fileName(showName) + " - " + numbering + "." + container;
        long size = 150_000_000L + (hash >>> 24) % 3_850_000_000L;
        String name = ADJECTIVES[(int) ((hash >>> 4) % ADJECTIVES.length)] + " " + NOUNS[(int) ((hash >>> 8) % NOUNS.length)];
        Map<String, String> providers = Map.of("Tvdb", Long.toString(1 + (hash >>> 8) % 10_000_000));
        boolean pathless = section.pathless(index);
        String path = pathless ? null : path(library, fileName(showName), "Season " + padded(season, 2), file);
        return new Item(id, name, sortKey(index) + " " + name.toLowerCase(java.util.Locale.ROOT), ItemKind.EPISODE, path, ticks,
                showYear(library, show) + season - 1, showName, Ids.item(dialect, library, ItemKind.SERIES, show),
                Ids.item(dialect, library, ItemKind.SEASON, index / EPISODES_PER_SEASON), "Season " + season, season, episode,
                episodeEnd, providers, etag(section, key, index), dateCreated(ItemKind.EPISODE, index),
                pathless ? null : container,
                pathless ? List.of() : sources(dialect, section, index, id, key, path, size, container, ticks), pathless);
    }

    /** The item's versions: the first is its own file; the others lie beside it, named after their version. */
    private static List<Item.MediaSource> sources(Dialect dialect, Section section, int index, String id, long key, String path,
                                                  long size, String container, long ticks) {
        int count = section.mediaSources(index);
        String base = path.substring(0, path.length() - container.length() - 1);
        String name = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
        List<Item.MediaSource> sources = new ArrayList<>(count);
        sources.add(new Item.MediaSource(id, path, size, container, name, ticks));
        for (int i = 1; i < count; i++) {
            String version = VERSIONS[(i - 1) % VERSIONS.length];
            sources.add(new Item.MediaSource(Ids.mediaSource(dialect, id, key, i), base + " - " + version + "." + container,
                    size / (i + 1), container, version, ticks));
        }
        return sources;
    }

    /** Changes when the item is touched, loses its file or gains a version, and when its library moves. */
    private static String etag(Section section, long key, int index) {
        return Ids.hex32(key, section.touches(index) * 1_000_003L + section.library().locations().getFirst().hashCode());
    }

    /** Sorts in index order as text. */
    private static String sortKey(int index) {
        return padded(index, 8);
    }

    private static int firstEpisode(ItemKind kind, int index) {
        return switch (kind) {
            case SERIES -> index * EPISODES_PER_SHOW;
            case SEASON -> index * EPISODES_PER_SEASON;
            case MOVIE, EPISODE -> index;
        };
    }

    /** Unique names; a few carry characters JSON must escape. */
    private static String movieTitle(int index) {
        String name = name(index);
        return index % 100 == 42 ? name + " <Director's \"Cut\">" : name;
    }

    /** A name as a file system allows it. */
    private static String fileName(String name) {
        return name.indexOf('<') < 0 && name.indexOf('"') < 0 ? name : UNSAFE.matcher(name).replaceAll("");
    }

    /** {@code value} in decimal, zero-padded to {@code width} digits: String.format costs too much per item. */
    static String padded(long value, int width) {
        String digits = Long.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
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
        return 1960 + (int) ((Ids.mix(Ids.key(library, ItemKind.SERIES, show)) >>> 4) % 60);
    }

    private static String path(Library library, String... names) {
        String root = library.locations().getFirst();
        String separator = root.contains("\\") ? "\\" : "/";
        StringBuilder path = new StringBuilder(root.endsWith(separator) ? root.substring(0, root.length() - 1) : root);
        for (String name : names) {
            path.append(separator).append(name);
        }
        return path.toString();
    }
}
