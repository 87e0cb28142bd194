package org.retrovue.core;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.retrovue.persistence.CollectionRecord;

/**
 * Whether a collection can be ingested here: every location it reports must translate through its path mappings
 * (or already be a local absolute path) to a directory that exists and can be read. Computed afresh each time.
 */
public record Ingestability(boolean ingestable, List<String> reasons) {
    public Ingestability {
        reasons = List.copyOf(reasons);
    }

    /** "yes", or "no: " and the reasons, for text output. */
    public String describe() {
        return ingestable ? "yes" : "no: " + String.join("; ", reasons);
    }

    public static Ingestability of(CollectionRecord collection) {
        if (SourceService.isMissing(collection)) {
            return new Ingestability(false, List.of("the source no longer has this collection (found missing by `source discover`)"));
        }
        List<String> locations = locations(collection);
        if (locations.isEmpty()) {
            return new Ingestability(false, List.of("the collection reports no locations"));
        }
        List<String> reasons = new ArrayList<>();
        for (String location : locations) {
            Optional<String> local = PathMappings.translate(location, collection.pathMappings());
            String path = local.orElse(location);
            if (local.isEmpty() && !location.startsWith("/")) {
                reasons.add("no mapping for " + location);
                continue;
            }
            Path dir;
            try {
                dir = Path.of(path);
            } catch (InvalidPathException e) {
                reasons.add(path + " is not a valid local path");
                continue;
            }
            if (!Files.exists(dir) && deniedOnTheWay(dir)) {
                reasons.add(path + " cannot be entered: permission denied");
            } else if (!Files.exists(dir)) {
                reasons.add(local.isEmpty() ? "no mapping for " + location + ", and it does not exist here" : path + " does not exist");
            } else if (!Files.isDirectory(dir)) {
                reasons.add(path + " is not a directory");
            } else if (!Files.isReadable(dir) || !Files.isExecutable(dir)) {
                reasons.add(path + " is not readable");
            }
        }
        return new Ingestability(reasons.isEmpty(), reasons);
    }

    /** Whether a path that Files.exists cannot see is there but behind a folder this user may not enter. */
    private static boolean deniedOnTheWay(Path dir) {
        try {
            Files.readAttributes(dir, java.nio.file.attribute.BasicFileAttributes.class);
            return false;
        } catch (java.nio.file.AccessDeniedException e) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The collection's locations as discovery stored them (blank ones left out). */
    static List<String> locations(CollectionRecord collection) {
        List<String> locations = new ArrayList<>();
        Object value = collection.config() == null ? null : collection.config().get("locations");
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof String s && !s.isBlank()) {
                    locations.add(s);
                }
            }
        }
        return locations;
    }
}
