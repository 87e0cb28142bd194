package org.retrovue.core;

import java.util.List;
import java.util.Optional;
import org.retrovue.persistence.PathMappingRecord;

/**
 * Translation of a remote path (as Plex sees it) to a local one: the longest mapping prefix that matches on whole
 * path segments wins ({@code /media/tv} does not match {@code /media/tvshows}); {@code \} counts as {@code /}, so
 * Windows servers work; matching is exact in case.
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

    private static boolean covers(String prefix, String path) {
        return path.equals(prefix) || prefix.equals("/") && path.startsWith("/") || path.startsWith(prefix + "/");
    }
}
