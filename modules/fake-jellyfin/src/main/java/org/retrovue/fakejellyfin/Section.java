package org.retrovue.fakejellyfin;

import java.util.Map;
import java.util.Set;

/**
 * A library together with what happened to its movies or episodes since it was made, by item index: how often each
 * was touched (its ETag changes each time), which were removed, which lost their file (no path, no media source) and
 * which have several media sources. One immutable snapshot, so a listing never sees half a change.
 */
record Section(Library library, Map<Integer, Integer> touches, Set<Integer> removed, Set<Integer> pathless,
               Map<Integer, Integer> mediaSources) {
    Section {
        touches = Map.copyOf(touches);
        removed = Set.copyOf(removed);
        pathless = Set.copyOf(pathless);
        mediaSources = Map.copyOf(mediaSources);
    }

    Section(Library library) {
        this(library, Map.of(), Set.of(), Set.of(), Map.of());
    }

    Section with(Library changed) {
        return new Section(changed, touches, removed, pathless, mediaSources);
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
