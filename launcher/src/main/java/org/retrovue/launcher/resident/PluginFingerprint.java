package org.retrovue.launcher.resident;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.TreeMap;

/**
 * What the plugin folders held when the resident process loaded them (names, sizes and times of their entries and
 * of the entries of their sub-folders), so that a jar dropped in, replaced or removed is noticed at the next
 * request: the process then ends and the next one loads the new set. Costs a few {@code stat} calls.
 */
final class PluginFingerprint {
    private final List<Path> folders;
    private final String atStart;

    PluginFingerprint(List<Path> folders) {
        this.folders = List.copyOf(folders);
        this.atStart = current();
    }

    boolean changed() {
        return !atStart.equals(current());
    }

    private String current() {
        TreeMap<String, String> entries = new TreeMap<>();
        for (Path folder : folders) {
            add(folder, 2, entries);
        }
        return entries.toString();
    }

    private static void add(Path folder, int depth, TreeMap<String, String> entries) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
            for (Path child : children) {
                BasicFileAttributes attributes = Files.readAttributes(child, BasicFileAttributes.class);
                entries.put(child.toString(), attributes.size() + "@" + attributes.lastModifiedTime().toMillis());
                if (attributes.isDirectory() && depth > 1) {
                    add(child, depth - 1, entries);
                }
            }
        } catch (IOException e) {
            entries.put(folder.toString(), "unreadable");
        }
    }
}
