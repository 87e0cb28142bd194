package org.retrovue.plugin.filesystem;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.retrovue.spi.DiscoveredCollection;
import org.retrovue.spi.OptionSpec;
import org.retrovue.spi.OptionType;
import org.retrovue.spi.ScanRequest;
import org.retrovue.spi.ScanResult;
import org.retrovue.spi.ScanSink;
import org.retrovue.spi.SourceConnection;
import org.retrovue.spi.SourceHealth;
import org.retrovue.spi.SourceContext;
import org.retrovue.spi.SourceException;
import org.retrovue.spi.SourceKind;
import org.retrovue.spi.SpiVersion;

/**
 * A directory tree. The stored base path is the canonical real path, which is also the fingerprint, so the same
 * directory reached by another spelling or through a symbolic link is recognised. The tree is one collection.
 */
public final class FilesystemSourceKind implements SourceKind {
    public static final String BASE_PATH = "base-path";
    public static final String FOLLOW_LINKS = "follow-links";
    public static final String EXTENSIONS = "extensions";
    private static final String CONFIG_FOLLOW_LINKS = "follow_links";
    private static final String CONFIG_EXTENSIONS = "extensions";
    static final String CONFIG_BASE_PATH = "base_path";
    static final String ROOT_COLLECTION = "root";

    @Override
    public String id() {
        return "filesystem";
    }

    @Override
    public String description() {
        return "A directory tree on a local or mounted disk";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.required(BASE_PATH, OptionType.PATH, "Directory that holds the media (must exist and be readable)"),
                OptionSpec.optional(FOLLOW_LINKS, OptionType.BOOLEAN, "yes: follow symbolic links when ingesting (loops are detected)")
                        .withDefault("no"),
                OptionSpec.optional(EXTENSIONS, OptionType.STRING, "Comma-separated file extensions to ingest")
                        .withDefault(String.join(",", new java.util.TreeSet<>(TreeScanner.DEFAULT_EXTENSIONS))));
    }

    @Override
    public String example() {
        return "--base-path /media/movies --extensions mkv,mp4";
    }

    @Override
    public int spiMajorVersion() {
        return SpiVersion.MAJOR;
    }

    /** A directory moved with {@code update --base-path} is the same library in a new place. */
    @Override
    public boolean fingerprintMayChangeOnUpdate() {
        return true;
    }

    /** Its collection is the base path itself, a directory here. */
    @Override
    public boolean locationsAreLocal() {
        return true;
    }

    @Override
    public Map<String, Object> validate(Map<String, String> options) throws SourceException {
        String given = options.get(BASE_PATH);
        if (given == null || given.isBlank()) {
            throw new SourceException(SourceException.Code.INVALID_CONFIG, "--base-path is required: give the directory that holds the media");
        }
        Map<String, Object> config = new java.util.LinkedHashMap<>();
        config.put(CONFIG_BASE_PATH, canonicalDirectory(given).toString());
        String follow = options.get(FOLLOW_LINKS);
        if (follow != null) {
            config.put(CONFIG_FOLLOW_LINKS, yesOrNo(follow));
        }
        String extensions = options.get(EXTENSIONS);
        if (extensions != null) {
            List<String> chosen = extensions(extensions);
            if (!Set.copyOf(chosen).equals(TreeScanner.DEFAULT_EXTENSIONS)) {
                config.put(CONFIG_EXTENSIONS, chosen); // the default list is not copied into every source
            }
        }
        return config;
    }

    private static boolean yesOrNo(String value) throws SourceException {
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "yes", "true", "on", "1" -> true;
            case "no", "false", "off", "0" -> false;
            default -> throw new SourceException(SourceException.Code.INVALID_CONFIG, "--" + FOLLOW_LINKS + " takes yes or no, not '" + value + "'");
        };
    }

    private static List<String> extensions(String list) throws SourceException {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        for (String part : list.split(",")) {
            String extension = part.strip().toLowerCase(java.util.Locale.ROOT);
            if (extension.startsWith(".")) {
                extension = extension.substring(1);
            }
            if (!extension.isEmpty()) {
                if (!extension.matches("[a-z0-9]+")) {
                    throw new SourceException(SourceException.Code.INVALID_CONFIG, "--" + EXTENSIONS + ": '" + part.strip() + "' is not a file extension");
                }
                out.add(extension);
            }
        }
        if (out.isEmpty()) {
            throw new SourceException(SourceException.Code.INVALID_CONFIG, "--" + EXTENSIONS + " needs at least one extension, e.g. mkv,mp4");
        }
        return List.copyOf(out);
    }

    @Override
    public SourceConnection connect(Map<String, Object> config, SourceContext context) throws SourceException {
        Object basePath = config.get(CONFIG_BASE_PATH);
        if (!(basePath instanceof String path)) {
            throw new SourceException(SourceException.Code.INVALID_CONFIG, "the stored configuration has no base_path; set one with `source update SOURCE --base-path PATH`");
        }
        boolean followLinks = Boolean.TRUE.equals(config.get(CONFIG_FOLLOW_LINKS));
        Set<String> extensions = config.get(CONFIG_EXTENSIONS) instanceof List<?> list && !list.isEmpty()
                ? list.stream().map(String::valueOf).collect(java.util.stream.Collectors.toUnmodifiableSet())
                : TreeScanner.DEFAULT_EXTENSIONS;
        return new Connection(path, followLinks, extensions, context);
    }

    /** The real path of an existing, readable directory, or an error that says which of those it is not. */
    static Path canonicalDirectory(String given) throws SourceException {
        Path path;
        try {
            path = Path.of(given).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new SourceException(SourceException.Code.INVALID_CONFIG, "base path " + given + " is not a valid path: " + e.getReason());
        }
        if (!Files.exists(path)) {
            String blocked = blockedAt(path);
            if (blocked != null) {
                throw new SourceException(SourceException.Code.INVALID_CONFIG, "base path " + given + " cannot be entered: permission denied"
                        + (blocked.equals(path.toString()) ? "" : " on " + blocked) + "; fix its permissions or give another directory");
            }
            throw new SourceException(SourceException.Code.INVALID_CONFIG, "base path " + given + " does not exist; give an existing directory");
        }
        if (!Files.isDirectory(path)) {
            throw new SourceException(SourceException.Code.INVALID_CONFIG, "base path " + given + " is not a directory; give the directory that holds the media");
        }
        if (!Files.isReadable(path) || !Files.isExecutable(path) || !canList(path)) {
            throw new SourceException(SourceException.Code.INVALID_CONFIG, "base path " + given + " is not readable by this user; fix its permissions or give another directory");
        }
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new SourceException(SourceException.Code.INVALID_CONFIG, "base path " + given + " cannot be resolved: " + e.getMessage());
        }
    }

    /**
     * For a path that cannot be found: the folder on the way to it (or the path itself) that this user may not enter
     * or look into, or null when the path simply does not exist. {@code Files.exists} says false for both.
     */
    static String blockedAt(Path path) {
        try {
            Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class);
            return null;
        } catch (java.nio.file.AccessDeniedException e) {
            Path blocked = path;
            for (Path p = path.getParent(); p != null; p = p.getParent()) {
                if (Files.isDirectory(p) && !Files.isExecutable(p)) {
                    blocked = p; // the nearest to the root wins: nothing below it can be entered
                }
            }
            return blocked.toString();
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean canList(Path directory) {
        try (DirectoryStream<Path> ignored = Files.newDirectoryStream(directory)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private record Connection(String basePath, boolean followLinks, Set<String> extensions, SourceContext context) implements SourceConnection {
        @Override
        public ScanResult scan(ScanRequest request, ScanSink sink) throws SourceException {
            Path root = canonicalDirectory(request.collection().locations().getFirst());
            try {
                if (context.parallelism() > 1) {
                    ParallelTreeScanner.scan(root, extensions, followLinks, sink, context.executor(), context.parallelism());
                } else {
                    TreeScanner.scan(root, extensions, followLinks, sink);
                }
            } catch (IOException e) {
                throw new SourceException(SourceException.Code.INTERNAL, "cannot walk " + root + ": " + e.getMessage(), e);
            }
            return ScanResult.complete(null);
        }

        @Override
        public String fingerprint() throws SourceException {
            return canonicalDirectory(basePath).toString();
        }

        /** Reachable when the base path is a directory this user can read; there are no credentials. */
        @Override
        public SourceHealth health() {
            try {
                canonicalDirectory(basePath);
                return SourceHealth.healthy(SourceHealth.Check.NOT_APPLICABLE, null, null);
            } catch (SourceException e) {
                return SourceHealth.unreachable(e.getMessage());
            }
        }

        @Override
        public boolean findsLocalFiles() {
            return true; // every item was just read from the disk by the walk
        }

        @Override
        public List<DiscoveredCollection> collections() throws SourceException {
            Path root = canonicalDirectory(basePath);
            Path fileName = root.getFileName();
            String name = fileName == null ? root.toString() : fileName.toString();
            return List.of(new DiscoveredCollection(ROOT_COLLECTION, name, List.of(root.toString()),
                    Map.of("path", root.toString())));
        }
    }
}
