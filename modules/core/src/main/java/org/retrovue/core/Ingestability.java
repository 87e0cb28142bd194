package org.retrovue.core;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.retrovue.persistence.CollectionRecord;
import org.retrovue.spi.SourceKind;

/**
 * Whether a collection can be ingested here: every location it reports must translate through its path mappings
 * (or already be a local absolute path) to a directory that exists and can be read. Computed afresh each time.
 * Where the source's kind reports directories of this machine ({@link SourceKind#locationsAreLocal}), a location
 * that is not there is missing, and no mapping is spoken of.
 */
public record Ingestability(boolean ingestable, List<String> reasons) {
    public Ingestability {
        reasons = List.copyOf(reasons);
    }

    /** "yes", or "no: " and the reasons, for text output. */
    public String describe() {
        return ingestable ? "yes" : "no: " + String.join("; ", reasons);
    }

    /** Asks the collection's source kind, when installed, whether its locations are local directories. */
    public static Ingestability of(CollectionRecord collection, PluginRegistry registry) {
        return of(collection, registry.find(collection.sourceKind()).map(SourceKind::locationsAreLocal).orElse(false));
    }

    static Ingestability of(CollectionRecord collection, boolean localLocations) {
        if (collection.missing()) {
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
                reasons.add(localLocations ? "directory " + location + " is not an absolute path" : "no mapping for " + location);
                continue;
            }
            Path dir;
            try {
                dir = Path.of(path);
            } catch (InvalidPathException e) {
                reasons.add(path + " is not a valid local path");
                continue;
            }
            java.nio.file.attribute.BasicFileAttributes attributes; // one look at the path says all of what follows
            try {
                attributes = Files.readAttributes(dir, java.nio.file.attribute.BasicFileAttributes.class);
            } catch (java.nio.file.AccessDeniedException e) {
                reasons.add(path + " cannot be entered: permission denied"); // there, behind a folder this user may not enter
                continue;
            } catch (java.io.IOException e) {
                if (local.isPresent()) {
                    reasons.add(path + " does not exist");
                } else {
                    reasons.add(localLocations ? "directory " + path + " is missing" : "no mapping for " + location + ", and it does not exist here");
                }
                continue;
            }
            if (!attributes.isDirectory()) {
                reasons.add(path + " is not a directory");
            } else if (!Files.isReadable(dir) || !Files.isExecutable(dir)) {
                reasons.add(path + " is not readable");
            }
        }
        return new Ingestability(reasons.isEmpty(), reasons);
    }

    /** The collection's locations as discovery stored them (blank ones left out). */
    static List<String> locations(CollectionRecord collection) {
        return collection.locations().stream().filter(s -> !s.isBlank()).toList();
    }
}
