package org.retrovue.fakejellyfin;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The items an {@code /Items} request lists: for each library asked about (one, or all the key may see), the
 * asked-for kinds one after another (movies; or series, seasons, episodes), each in index order (ascending or
 * descending, which is also {@code SortName} and {@code DateCreated} order), removed items left out. Items are
 * counted and walked by index and generated only for the page, never collected.
 */
final class Listing {
    private static final List<ItemKind> ORDER = List.of(ItemKind.MOVIE, ItemKind.SERIES, ItemKind.SEASON, ItemKind.EPISODE);

    private record Segment(Section section, ItemKind kind, long minSaved) {
        IntStream indexes(boolean descending) {
            int count = ItemGenerator.count(section.library(), kind);
            IntStream all = descending ? IntStream.iterate(count - 1, i -> i >= 0, i -> i - 1) : IntStream.range(0, count);
            boolean playable = kind == ItemKind.MOVIE || kind == ItemKind.EPISODE;
            IntStream kept = playable && !section.removed().isEmpty() ? all.filter(i -> !section.removed(i)) : all;
            if (minSaved == Long.MIN_VALUE) {
                return kept;
            }
            // MinDateLastSaved: series and seasons count as saved when created
            return kept.filter(i -> (playable ? section.lastSaved(i, ItemGenerator.dateCreated(kind, i))
                    : ItemGenerator.dateCreated(kind, i) * 1000) >= minSaved);
        }

        int size() {
            if (minSaved != Long.MIN_VALUE) {
                return (int) indexes(false).count();
            }
            int count = ItemGenerator.count(section.library(), kind);
            if (kind != ItemKind.MOVIE && kind != ItemKind.EPISODE) {
                return count;
            }
            return count - (int) section.removed().stream().filter(i -> i < count).count();
        }
    }

    private record Ref(Section section, ItemKind kind, int index) {
    }

    private final List<Segment> segments = new ArrayList<>();
    private final boolean descending;

    /**
     * {@code kinds} null (not asked for): the top level of each library (movies or series), or everything when
     * {@code recursive}; an empty list lists nothing.
     */
    Listing(List<Section> sections, List<ItemKind> kinds, boolean recursive, boolean descending) {
        this(sections, kinds, recursive, descending, Long.MIN_VALUE);
    }

    /** {@code minSaved} (epoch ms, {@code MinDateLastSaved}): only items saved since; Long.MIN_VALUE for all. */
    Listing(List<Section> sections, List<ItemKind> kinds, boolean recursive, boolean descending, long minSaved) {
        this.descending = descending;
        List<Section> ordered = new ArrayList<>(sections);
        if (descending) {
            java.util.Collections.reverse(ordered);
        }
        for (Section section : ordered) {
            List<ItemKind> wanted = new ArrayList<>();
            for (ItemKind kind : ORDER) {
                boolean asked = kinds == null ? recursive || kind == ItemKind.MOVIE || kind == ItemKind.SERIES : kinds.contains(kind);
                if (asked && ItemGenerator.count(section.library(), kind) > 0) {
                    wanted.add(kind);
                }
            }
            if (descending) {
                java.util.Collections.reverse(wanted);
            }
            wanted.forEach(kind -> segments.add(new Segment(section, kind, minSaved)));
        }
    }

    int total() {
        long total = 0;
        for (Segment segment : segments) {
            total += segment.size();
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    /**
     * The items at positions {@code start} to {@code start + limit}, generated as they are asked for; with
     * {@code repeated} at 0 or more, the item at that position comes twice (and {@link #total()} is one short).
     */
    Iterator<Item> page(Dialect dialect, int start, int limit, int repeated) {
        if (repeated < 0 || repeated >= total()) {
            return refs().skip(start).limit(limit).map(ref -> generate(dialect, ref)).iterator();
        }
        // position v shows real item v up to the repeated one, real item v - 1 after it
        long end = Math.min((long) start + limit, total() + 1L);
        if (start >= end) {
            return java.util.Collections.emptyIterator();
        }
        int first = real(start, repeated);
        int last = real((int) end - 1, repeated);
        List<Ref> real = refs().skip(first).limit(last - first + 1L).toList();
        List<Ref> page = new ArrayList<>();
        for (int v = start; v < end; v++) {
            page.add(real.get(real(v, repeated) - first));
        }
        return page.stream().map(ref -> generate(dialect, ref)).iterator();
    }

    private static int real(int position, int repeated) {
        return position <= repeated ? position : position - 1;
    }

    private Stream<Ref> refs() {
        return segments.stream().flatMap(segment -> segment.indexes(descending).mapToObj(i -> new Ref(segment.section(), segment.kind(), i)));
    }

    private static Item generate(Dialect dialect, Ref ref) {
        return ItemGenerator.item(dialect, ref.section(), ref.kind(), ref.index());
    }
}
