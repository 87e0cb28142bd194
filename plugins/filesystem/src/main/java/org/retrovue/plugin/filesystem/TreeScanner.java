package org.retrovue.plugin.filesystem;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.retrovue.spi.ScanSink;
import org.retrovue.spi.ScannedItem;

/**
 * Walks a collection root and hands every video file to the sink: extensions matched case-insensitively, hidden
 * files and folders skipped, symbolic links followed only when asked: then a link to a folder above itself (a loop)
 * is reported and not followed, and one to a folder reached another way too is followed there too.
 * Unreadable folders and names that are not valid text are warnings; the walk goes on.
 */
final class TreeScanner extends SimpleFileVisitor<Path> {
    static final Set<String> DEFAULT_EXTENSIONS = Set.of("mkv", "mp4", "m4v", "avi", "mov", "wmv", "ts", "m2ts", "mts", "mpg", "mpeg",
            "webm", "flv", "vob", "ogv", "3gp", "divx", "asf", "rm", "rmvb");

    private final Path root;
    private final Set<String> extensions;
    private final ScanSink sink;
    private final boolean followLinks;
    private String folderRelative; // the folder whose names were read last, and what they say
    private MediaNames.Folder folderNames;

    private TreeScanner(Path root, Set<String> extensions, ScanSink sink, boolean followLinks) {
        this.root = root;
        this.extensions = extensions;
        this.sink = sink;
        this.followLinks = followLinks;
    }

    static void scan(Path root, Set<String> extensions, boolean followLinks, ScanSink sink) throws IOException {
        Set<FileVisitOption> options = followLinks ? EnumSet.of(FileVisitOption.FOLLOW_LINKS) : EnumSet.noneOf(FileVisitOption.class);
        Files.walkFileTree(root, options, Integer.MAX_VALUE, new TreeScanner(root, extensions, sink, followLinks));
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (!dir.equals(root) && isHidden(dir)) {
            return FileVisitResult.SKIP_SUBTREE;
        }
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (isHidden(file)) {
            return FileVisitResult.CONTINUE;
        }
        if (attrs.isSymbolicLink() && followLinks) {
            // the walk read the link itself because its target could not be read: ask again, for why
            try {
                Files.readAttributes(file, BasicFileAttributes.class);
            } catch (IOException e) {
                sink.warning(ReadFailure.unfollowable(e, root.relativize(file).toString()));
            }
            return FileVisitResult.CONTINUE;
        }
        if (!attrs.isRegularFile() || !extensions.contains(extension(file.getFileName().toString()))) {
            return FileVisitResult.CONTINUE;
        }
        String relative = root.relativize(file).toString();
        if (relative.indexOf('\uFFFD') >= 0) {
            sink.warning(notUtf8(relative));
            return FileVisitResult.CONTINUE;
        }
        int slash = relative.lastIndexOf('/');
        String folder = slash < 0 ? "" : relative.substring(0, slash);
        if (!folder.equals(folderRelative)) { // the walk meets a folder's files together, between its subfolders' at worst
            folderRelative = folder;
            folderNames = MediaNames.folder(folder);
        }
        sink.item(item(folderNames, relative.substring(slash + 1), relative, file.toString(), attrs));
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
        if (isHidden(file)) {
            return FileVisitResult.CONTINUE;
        }
        String relative = root.relativize(file).toString();
        sink.warning(e instanceof FileSystemLoopException ? ReadFailure.loop(relative) : ReadFailure.warning(e, relative, "file"));
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException e) {
        if (e != null) {
            sink.warning(ReadFailure.warning(e, root.relativize(dir).toString(), "folder"));
        }
        return FileVisitResult.CONTINUE;
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /**
     * The item for a video file called {@code name}, by both walks: its key is the path relative to the root; what it
     * is (kind, show, season, episode, title, year, provider ids ...) is read by {@link MediaNames} from its name and
     * from what its folder's names say, read once per folder.
     */
    static ScannedItem item(MediaNames.Folder folder, String name, String relative, String path, BasicFileAttributes attributes) {
        MediaNames.Recognised r = MediaNames.recognise(folder, name);
        return new ScannedItem(relative, path, attributes.size(), attributes.lastModifiedTime().toInstant(), null, r.title(), r.kind(),
                r.show(), r.season(), r.episode(), null, r.year(), r.episodeEnd(), r.airDate(), r.providerIds(), r.extra());
    }

    /** The warning for a name that is not valid UTF-8 (the JDK decodes its bytes with replacement characters). */
    static String notUtf8(String relative) {
        return "skipped a file whose name is not valid UTF-8: " + relative;
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
