package org.retrovue.core;

import java.util.List;
import java.util.Optional;
import org.retrovue.persistence.PathMappingRecord;

/**
 * Translation of a remote path (as the remote server, Plex or another, reports it) to a local one: the longest
 * mapping prefix that matches on whole path segments wins ({@code /media/tv} does not match {@code /media/tvshows}); {@code \} counts as {@code /}, so
 * Windows servers work; matching is exact in case. Two remote paths are the same mapping when their {@link #key}s
 * are equal: separators and trailing ones aside, and case too where the path is a Windows one.
 */
public final class PathMappings {
    private PathMappings() {}

    public static Optional<String> translate(String remotePath, List<PathMappingRecord> mappings) {
        String remote = normalise(remotePath);
        PathMappingRecord best = null;
        for (PathMappingRecord mapping : mappings) {
            String prefix = normalise(mapping.plexPath());
            if (covers(prefix, remote) && (best == null || prefix.length() > normalise(best.plexPath()).length())) {
                best = mapping;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        String rest = remote.substring(normalise(best.plexPath()).length());
        String local = best.localPath().endsWith("/") && rest.startsWith("/") ? best.localPath() + rest.substring(1) : best.localPath() + rest;
        return Optional.of(local);
    }

    /** Forward slashes, no trailing slash (but "/" stays "/"). */
    static String normalise(String path) {
        String forward = path.replace('\\', '/');
        while (forward.length() > 1 && forward.endsWith("/")) {
            forward = forward.substring(0, forward.length() - 1);
        }
        return forward;
    }

    /** {@code path} without separators at its end, unless they are all there is (or a drive's root, {@code D:\}). */
    static String withoutTrailingSeparators(String path) {
        int end = path.length();
        while (end > 1 && (path.charAt(end - 1) == '/' || path.charAt(end - 1) == '\\') && path.charAt(end - 2) != ':') {
            end--;
        }
        return path.substring(0, end);
    }

    /**
     * What identifies a mapping's remote path: normalised, and lower case where it is a Windows path (a drive
     * letter, or a {@code \\server\share}), whose file systems ignore case.
     */
    static String key(String path) {
        String normal = normalise(path);
        boolean windows = normal.matches("[A-Za-z]:(/.*)?") || normal.startsWith("//");
        return windows ? normal.toLowerCase(java.util.Locale.ROOT) : normal;
    }

    private static boolean covers(String prefix, String path) {
        return path.equals(prefix) || prefix.equals("/") && path.startsWith("/") || path.startsWith(prefix + "/");
    }
}
