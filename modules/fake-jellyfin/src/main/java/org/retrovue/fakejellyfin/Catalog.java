package org.retrovue.fakejellyfin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The server's libraries, which tests change while it runs: add, rename, remove, move to other folders, forbid;
 * and their movies or episodes: add, remove, touch (a new ETag), lose their file, gain versions. Changes are
 * serialised; readers get an immutable snapshot. Libraries are numbered from 1 and never renumbered; their
 * {@code ItemId} derives from the number in the dialect's form (32 hex digits for Jellyfin, a decimal for Emby).
 * Items are addressed by index (0-based, in listing order), movies in a movie library, episodes in a show library.
 */
public final class Catalog {
    private static final int MAX_ITEMS = 9_999_999;

    private final Dialect dialect;
    private volatile Map<String, Section> sections = Map.of();
    private int nextNumber = 1;

    Catalog(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Adds a library whose items live under the first of {@code paths}; answers it with its new id. */
    public synchronized Library addLibrary(Library.Type type, String name, int itemCount, String... paths) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a library needs a name");
        }
        checkCount(itemCount);
        int number = nextNumber++;
        Library library = new Library(number, Ids.library(dialect, number), name, type, locations(paths), itemCount, false);
        put(new Section(library));
        return library;
    }

    public synchronized void renameLibrary(String itemId, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a library needs a name");
        }
        Section section = require(itemId);
        put(section.with(section.library().withName(name)));
    }

    public synchronized void removeLibrary(String itemId) {
        require(itemId);
        Map<String, Section> next = new LinkedHashMap<>(sections);
        next.remove(itemId);
        sections = Collections.unmodifiableMap(next);
    }

    /** Moves the library: its items' paths follow its first location, and so every ETag changes. */
    public synchronized void setLocations(String itemId, String... paths) {
        Section section = require(itemId);
        put(section.with(section.library().withLocations(locations(paths))).allSavedAt(System.currentTimeMillis()));
    }

    /** A forbidden library stays listed, but listing its items answers 403, as for a user who may not see it. */
    public synchronized void setForbidden(String itemId, boolean forbidden) {
        Section section = require(itemId);
        put(section.with(section.library().withForbidden(forbidden)));
    }

    /** Adds {@code count} new items after the last one (the newest, by {@code DateCreated}). */
    public synchronized void addItems(String itemId, int count) {
        Section section = require(itemId);
        checkCount((long) section.library().itemCount() + count);
        int first = section.library().itemCount();
        Section grown = section.with(section.library().withItemCount(first + count));
        put(grown.changed(grown.touches(), grown.removed(), grown.pathless(), grown.mediaSources(),
                java.util.stream.IntStream.range(first, first + count).boxed().toList(), System.currentTimeMillis()));
    }

    /** Removes items {@code fromIndex} to {@code fromIndex + count}: they are no longer listed; others keep their ids. */
    public synchronized void removeItems(String itemId, int fromIndex, int count) {
        Section section = require(itemId);
        checkRange(section, fromIndex, count);
        Set<Integer> removed = new HashSet<>(section.removed());
        for (int i = fromIndex; i < fromIndex + count; i++) {
            removed.add(i);
        }
        put(section.changed(section.touches(), removed, section.pathless(), section.mediaSources(), List.of(), 0));
    }

    /** Changes {@code count} items from {@code fromIndex}: each gets a new {@code Etag}; nothing else moves. */
    public synchronized void touchItems(String itemId, int fromIndex, int count) {
        Section section = require(itemId);
        checkRange(section, fromIndex, count);
        Map<Integer, Integer> touches = new HashMap<>(section.touches());
        for (int i = fromIndex; i < fromIndex + count; i++) {
            touches.merge(i, 1, Integer::sum);
        }
        put(section.changed(touches, section.removed(), section.pathless(), section.mediaSources(),
                java.util.stream.IntStream.range(fromIndex, fromIndex + count).boxed().toList(), System.currentTimeMillis()));
    }

    /**
     * The item's file is gone: it is listed without {@code Path} and with no media source, as a virtual
     * (missing) item; its ETag changes.
     */
    public synchronized void removeFile(String itemId, int index) {
        Section section = require(itemId);
        checkRange(section, index, 1);
        Set<Integer> pathless = new HashSet<>(section.pathless());
        pathless.add(index);
        Map<Integer, Integer> touches = new HashMap<>(section.touches());
        touches.merge(index, 1, Integer::sum);
        put(section.changed(touches, section.removed(), pathless, section.mediaSources(), List.of(index), System.currentTimeMillis()));
    }

    /** The item has {@code count} media sources (versions: the first is its {@code Path}); its ETag changes. */
    public synchronized void setMediaSourceCount(String itemId, int index, int count) {
        if (count < 1 || count > 9) {
            throw new IllegalArgumentException("an item has 1 to 9 media sources: " + count);
        }
        Section section = require(itemId);
        checkRange(section, index, 1);
        Map<Integer, Integer> sources = new HashMap<>(section.mediaSources());
        sources.put(index, count);
        Map<Integer, Integer> touches = new HashMap<>(section.touches());
        touches.merge(index, 1, Integer::sum);
        put(section.changed(touches, section.removed(), section.pathless(), sources, List.of(index), System.currentTimeMillis()));
    }

    public List<Library> libraries() {
        return sections.values().stream().map(Section::library).toList();
    }

    public Optional<Library> library(String itemId) {
        return section(itemId).map(Section::library);
    }

    /** The id the server gives item {@code index} (a movie or an episode) of the library: what a client stores. */
    public String itemId(String libraryId, int index) {
        Section section = require(libraryId);
        ItemKind kind = section.library().type().holdsShows() ? ItemKind.EPISODE : ItemKind.MOVIE;
        return Ids.item(dialect, section.library(), kind, index);
    }

    Optional<Section> section(String itemId) {
        return Optional.ofNullable(sections.get(itemId));
    }

    List<Section> sections() {
        return List.copyOf(sections.values());
    }

    private Section require(String itemId) {
        Section section = sections.get(itemId);
        if (section == null) {
            throw new IllegalArgumentException("no library with id " + itemId);
        }
        return section;
    }

    private void put(Section section) {
        Map<String, Section> next = new LinkedHashMap<>(sections);
        next.put(section.library().itemId(), section);
        sections = Collections.unmodifiableMap(next);
    }

    private static void checkCount(long itemCount) {
        if (itemCount < 0 || itemCount > MAX_ITEMS) {
            throw new IllegalArgumentException("item count must be between 0 and " + MAX_ITEMS + ": " + itemCount);
        }
    }

    private static void checkRange(Section section, int fromIndex, int count) {
        int items = section.library().itemCount();
        if (fromIndex < 0 || count < 0 || (long) fromIndex + count > items) {
            throw new IllegalArgumentException("items " + fromIndex + " to " + ((long) fromIndex + count)
                    + " are not all in library " + section.library().name() + " of " + items + " items");
        }
    }

    private static List<String> locations(String... paths) {
        if (paths.length == 0) {
            throw new IllegalArgumentException("a library needs at least one location");
        }
        List<String> locations = new ArrayList<>();
        for (String path : paths) {
            if (path == null || path.isBlank()) {
                throw new IllegalArgumentException("a location cannot be blank");
            }
            locations.add(path);
        }
        return locations;
    }
}
