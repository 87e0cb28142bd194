package org.retrovue.fakeplex;

import java.util.Map;
import java.util.OptionalLong;
import java.util.PrimitiveIterator;
import java.util.stream.IntStream;

/**
 * The items of one type in one section that pass a request's filters, {@code updatedAt>>=EPOCH} and
 * {@code addedAt>>=EPOCH} (at or after that second). Items are counted and walked by index, never collected.
 */
final class Listing {
    private static final String UPDATED_AT = "updatedAt>>";
    private static final String ADDED_AT = "addedAt>>";

    private final Section section;
    private final ItemType type;
    private final OptionalLong updatedSince;
    private final OptionalLong addedSince;

    /** Reads the filters from the decoded query; a filter value that is not a number is refused. */
    Listing(Section section, ItemType type, Map<String, String> query) {
        this.section = section;
        this.type = type;
        this.updatedSince = epoch(query, UPDATED_AT);
        this.addedSince = epoch(query, ADDED_AT);
    }

    int totalSize() {
        return (int) matching().count();
    }

    /** The indexes of the page's items, generated as they are asked for. */
    PrimitiveIterator.OfInt page(int start, int size) {
        return matching().skip(start).limit(size).iterator();
    }

    Node item(int index) {
        return ItemGenerator.item(section, type, index);
    }

    private IntStream matching() {
        IntStream all = IntStream.range(0, ItemGenerator.count(section.library(), type));
        if (updatedSince.isPresent()) {
            long since = updatedSince.getAsLong();
            all = all.filter(i -> ItemGenerator.updatedAt(section, type, i) >= since);
        }
        if (addedSince.isPresent()) {
            long since = addedSince.getAsLong();
            all = all.filter(i -> ItemGenerator.addedAt(type, i) >= since);
        }
        return all;
    }

    private static OptionalLong epoch(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "= needs epoch seconds: " + value);
        }
    }
}
