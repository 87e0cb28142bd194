package org.retrovue.fakejellyfin;

import java.util.Map;
import java.util.Set;

/**
 * A library together with what happened to its movies or episodes since it was made, by item index: how often each
 * was touched (its ETag changes each time), which were removed, which lost their file (no path, no media source) and
 * which have several media sources. One immutable snapshot, so a listing never sees half a change.
 */
record Section(Library library, Map<Integer, Integer> touches, Set<Integer> removed, Set<Integer> pathless,
               Map<Integer, Integer> mediaSources, Map<Integer, Long> saved, long allSaved) {
    Section {
        touches = Map.copyOf(touches);
        removed = Set.copyOf(removed);
        pathless = Set.copyOf(pathless);
        mediaSources = Map.copyOf(mediaSources);
        saved = Map.copyOf(saved);
    }

    Section(Library library) {
        this(library, Map.of(), Set.of(), Set.of(), Map.of(), Map.of(), 0);
    }

    Section with(Library changed) {
        return new Section(changed, touches, removed, pathless, mediaSources, saved, allSaved);
    }

    /** This section with its movies or episodes changed; those at {@code savedNow} saved at {@code now} (epoch ms). */
    Section changed(Map<Integer, Integer> newTouches, Set<Integer> newRemoved, Set<Integer> newPathless, Map<Integer, Integer> newSources,
                    Iterable<Integer> savedNow, long now) {
        Map<Integer, Long> newSaved = new java.util.HashMap<>(saved);
        savedNow.forEach(index -> newSaved.put(index, now));
        return new Section(library, newTouches, newRemoved, newPathless, newSources, newSaved, allSaved);
    }

    /** This section with every item saved at {@code now} (a library that moved: every path changed). */
    Section allSavedAt(long now) {
        return new Section(library, touches, removed, pathless, mediaSources, saved, now);
    }

    /**
     * When the movie or episode {@code index} was last saved, in epoch ms ({@code DateLastSaved}): its creation,
     * or its last change, or the library's last move, whichever came last.
     */
    long lastSaved(int index, long createdSeconds) {
        long at = Math.max(createdSeconds * 1000, allSaved);
        return saved.isEmpty() ? at : Math.max(at, saved.getOrDefault(index, Long.MIN_VALUE));
    }

    int touches(int index) {
        return touches.isEmpty() ? 0 : touches.getOrDefault(index, 0);
    }

    boolean removed(int index) {
        return !removed.isEmpty() && removed.contains(index);
    }

    boolean pathless(int index) {
        return !pathless.isEmpty() && pathless.contains(index);
    }

    int mediaSources(int index) {
        return mediaSources.isEmpty() ? 1 : mediaSources.getOrDefault(index, 1);
    }
}
