package org.retrovue.core;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether items' files are on this disk, for one collection's ingest. A file is looked for only when its folder may
 * be here, which the folder's parent's names tell, each parent read once: the files of a show that is not here
 * are not looked for one by one. A library whose mapping points at a disk that is not mounted, or that holds only
 * part of the server's folders, is a usual case: 50,000 such looks cost a quarter of a second.
 * <p>Names are compared ignoring case, so that a case-insensitive mount (SMB) is never judged by the wrong case;
 * the file's own look decides. A folder that cannot be read is never a reason to say "not here". A folder that
 * appears during the ingest is seen by the next one.
 */
final class FileLookup {
    /** A folder's names in lower case; empty when not here; none when it could not be read. */
    private final Map<Path, Optional<Set<String>>> names = new HashMap<>();

    boolean exists(String path) {
        try {
            Path file = Path.of(path);
            Path folder = file.getParent();
            return (folder == null || mayBeHere(folder)) && Files.exists(file);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private boolean mayBeHere(Path folder) {
        Path parent = folder.getParent();
        String name = folder.getFileName() == null ? "." : folder.getFileName().toString();
        if (parent == null || name.equals(".") || name.equals("..")) {
            return true; // no listing names these
        }
        Optional<Set<String>> siblings = names(parent);
        return siblings.isEmpty() || siblings.get().contains(name.toLowerCase(Locale.ROOT));
    }

    private Optional<Set<String>> names(Path folder) {
        Optional<Set<String>> known = names.get(folder);
        if (known == null) {
            known = mayBeHere(folder) ? read(folder) : Optional.of(Set.of());
            names.put(folder, known);
        }
        return known;
    }

    private static Optional<Set<String>> read(Path folder) {
        Set<String> read = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                read.add(entry.getFileName().toString().toLowerCase(Locale.ROOT));
            }
            return Optional.of(read);
        } catch (java.nio.file.NoSuchFileException | java.nio.file.NotDirectoryException e) {
            return Optional.of(Set.of());
        } catch (IOException | SecurityException e) {
            return Optional.empty(); // not readable (a folder one may pass through but not list): look at each file
        }
    }
}
