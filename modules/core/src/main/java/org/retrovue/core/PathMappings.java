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
        return new Translator(mappings).translate(remotePath);
    }

    /**
     * A collection's mappings made ready once for the many paths of an ingest: their remote paths normalised and
     * tried longest first (the first of equal ones wins, as listed), with no string built per path but the result.
     */
    public static final class Translator {
        private final String[] prefixes;
        private final String[] locals;

        public Translator(List<PathMappingRecord> mappings) {
            List<PathMappingRecord> longestFirst = new java.util.ArrayList<>(mappings);
            longestFirst.sort(java.util.Comparator.comparingInt((PathMappingRecord m) -> normalise(m.plexPath()).length()).reversed());
            prefixes = longestFirst.stream().map(m -> normalise(m.plexPath())).toArray(String[]::new);
            locals = longestFirst.stream().map(PathMappingRecord::localPath).toArray(String[]::new);
        }

        public Optional<String> translate(String remotePath) {
            String remote = remotePath.indexOf('\\') >= 0 || remotePath.endsWith("/") ? normalise(remotePath) : remotePath;
            for (int i = 0; i < prefixes.length; i++) {
                String prefix = prefixes[i];
                if (covers(prefix, remote)) {
                    String rest = prefix.equals("/") ? remote : remote.substring(prefix.length()); // a mapping of "/" keeps the slash
                    String local = locals[i];
                    return Optional.of(local.endsWith("/") && rest.startsWith("/") ? local + rest.substring(1) : local + rest);
                }
            }
            return Optional.empty();
        }
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
        if (prefix.equals("/")) {
            return path.startsWith("/");
        }
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }
}
