package org.retrovue.fakeplex;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The server's libraries, which tests change while it runs: add, rename, remove, move to other folders, touch
 * items. Changes are serialised; readers get an immutable snapshot, so a listing never sees half a change.
 * Section keys count up from 1 and are never reused, like Plex's.
 */
public final class Catalog {
    private static final int MAX_ITEMS = 9_999_999;

    private volatile Map<String, Section> sections = Map.of();
    private int nextKey = 1;
    private long nextLocationId = 1;

    /** Adds a library whose items live under the first of {@code paths}; answers it with its new key. */
    public synchronized Library addLibrary(Library.Type type, String title, int itemCount, String... paths) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a library needs a title");
        }
        if (itemCount < 0 || itemCount > MAX_ITEMS) {
            throw new IllegalArgumentException("item count must be between 0 and " + MAX_ITEMS + ": " + itemCount);
        }
        String key = Integer.toString(nextKey++);
        String uuid = UUID.nameUUIDFromBytes((key + "/" + title).getBytes(StandardCharsets.UTF_8)).toString();
        long updatedAt = ItemGenerator.lastUpdate(itemCount);
        Library library = new Library(key, title, type, type.agent(), type.scanner(), "en-US", uuid,
                ItemGenerator.EPOCH, updatedAt, updatedAt, locations(paths), itemCount);
        put(new Section(library, Map.of()));
        return library;
    }

    public synchronized void renameLibrary(String key, String title) {
        Section section = require(key);
        put(new Section(section.library().withTitle(title, bump(section.library())), section.touched()));
    }

    public synchronized void removeLibrary(String key) {
        require(key);
        Map<String, Section> next = new LinkedHashMap<>(sections);
        next.remove(key);
        sections = Collections.unmodifiableMap(next);
    }

    public synchronized void setLocations(String key, String... paths) {
        Section section = require(key);
        put(new Section(section.library().withLocations(locations(paths), bump(section.library())), section.touched()));
    }

    /**
     * Marks {@code count} items from {@code fromIndex} (movies or episodes, 0-based) as changed now; the library's
     * updatedAt and scannedAt move with them. Answers the new updatedAt, later than any earlier one.
     */
    public synchronized long touchItems(String key, int fromIndex, int count) {
        Section section = require(key);
        Library library = section.library();
        if (fromIndex < 0 || count < 0 || (long) fromIndex + count > library.itemCount()) {
            throw new IllegalArgumentException("items " + fromIndex + " to " + ((long) fromIndex + count)
                    + " are not all in library " + key + " of " + library.itemCount() + " items");
        }
        long at = bump(library);
        Map<Integer, Long> touched = new HashMap<>(section.touched());
        for (int i = fromIndex; i < fromIndex + count; i++) {
            touched.put(i, at);
        }
        put(new Section(library.scannedAt(at), touched));
        return at;
    }

    public List<Library> libraries() {
        return sections.values().stream().map(Section::library).toList();
    }

    public Optional<Library> library(String key) {
        return section(key).map(Section::library);
    }

    Optional<Section> section(String key) {
        return Optional.ofNullable(sections.get(key));
    }

    private Section require(String key) {
        Section section = sections.get(key);
        if (section == null) {
            throw new IllegalArgumentException("no library with key " + key);
        }
        return section;
    }

    private void put(Section section) {
        Map<String, Section> next = new LinkedHashMap<>(sections);
        next.put(section.library().key(), section);
        sections = Collections.unmodifiableMap(next);
    }

    private List<Location> locations(String... paths) {
        if (paths.length == 0) {
            throw new IllegalArgumentException("a library needs at least one location");
        }
        List<Location> locations = new ArrayList<>();
        for (String path : paths) {
            locations.add(new Location(nextLocationId++, path));
        }
        return locations;
    }

    private static long bump(Library library) {
        return Math.max(library.updatedAt() + 1, Instant.now().getEpochSecond());
    }
}
