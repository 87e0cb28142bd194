package org.retrovue.plugin.filesystem;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.retrovue.spi.ScanSink;
import org.retrovue.spi.ScannedItem;

/**
 * The walk of {@link TreeScanner} with several folders listed at once on threads the program lends (a NAS answers
 * each request with latency; several in flight hide it). Workers hand items and warnings over in batches; the
 * calling thread alone talks to the sink, as the SPI asks. The same rules: videos by extension in any case,
 * hidden entries skipped, links followed only when asked; then a link to a folder above itself (a loop) is reported
 * and not followed, and a folder reached two ways is walked under each path, as the sequential walk does.
 */
final class ParallelTreeScanner {
    private static final int BATCH = 256;
    private static final Object DONE = new Object();

    private final Path root;
    private final Set<String> extensions;
    private final boolean followLinks;
    private final String rootPrefix;
    private final LinkOption[] linkOptions;
    private final ConcurrentLinkedQueue<Folder> folders = new ConcurrentLinkedQueue<>();
    private final AtomicInteger unfinished = new AtomicInteger();
    private final BlockingQueue<Object> handOver = new ArrayBlockingQueue<>(64);
    private volatile boolean stopped;

    private ParallelTreeScanner(Path root, Set<String> extensions, boolean followLinks) {
        this.root = root;
        this.extensions = extensions;
        this.followLinks = followLinks;
        String text = root.toString();
        this.rootPrefix = text.endsWith("/") ? text : text + "/";
        this.linkOptions = followLinks ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
    }

    /**
     * A folder still to list, with its path relative to the root ("" for the root) as items' keys spell it, and
     * (following links) the file keys of itself and the folders above it, to tell a loop.
     */
    private record Folder(Path path, String relative, Above above) {}

    /** A folder's file key and those above it: a link to any of them loops. */
    private record Above(Object key, Above parent) {
        boolean holds(Object other) {
            for (Above a = this; a != null; a = a.parent()) {
                if (a.key().equals(other)) {
                    return true;
                }
            }
            return false;
        }
    }

    static void scan(Path root, Set<String> extensions, boolean followLinks, ScanSink sink, Executor executor, int workers) {
        new ParallelTreeScanner(root, extensions, followLinks).run(sink, executor, workers);
    }

    private void run(ScanSink sink, Executor executor, int workers) {
        unfinished.set(1);
        folders.add(new Folder(root, "", followLinks ? new Above(key(root), null) : null));
        for (int i = 0; i < workers; i++) {
            executor.execute(this::work);
        }
        int done = 0;
        try {
            while (done < workers) {
                Object next = take();
                if (next == DONE) {
                    done++;
                } else if (next instanceof String warning) {
                    sink.warning(warning);
                } else if (next instanceof List<?> batch) {
                    for (Object item : batch) {
                        sink.item((ScannedItem) item);
                    }
                } else if (next instanceof RuntimeException failure) {
                    throw failure;
                }
            }
        } finally {
            stopped = true; // workers still running give up, whether the sink failed or the walk is over
        }
    }

    private Object take() {
        try {
            return handOver.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void work() {
        List<ScannedItem> batch = new ArrayList<>(BATCH);
        try {
            while (!stopped) {
                Folder folder = folders.poll();
                if (folder == null) {
                    if (unfinished.get() == 0) {
                        break;
                    }
                    LockSupport.parkNanos(50_000);
                    continue;
                }
                try {
                    list(folder, batch);
                } finally {
                    unfinished.decrementAndGet();
                }
            }
            if (!batch.isEmpty()) {
                give(batch);
            }
        } catch (RuntimeException e) {
            give(e);
        } finally {
            give(DONE);
        }
    }

    private void list(Folder folder, List<ScannedItem> batch) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder.path())) {
            // Where the platform has it (Linux), attributes are read relative to the open folder (fstatat), which
            // spares the kernel a lookup of the whole path for every file: ~15% of a rescan's system time.
            SecureDirectoryStream<Path> open = entries instanceof SecureDirectoryStream<Path> secure ? secure : null;
            MediaNames.Folder names = null; // what the folder's names say, read at its first video
            for (Path entry : entries) {
                Path name = entry.getFileName();
                String text = name.toString();
                if (text.startsWith(".")) {
                    continue;
                }
                String relative = folder.relative().isEmpty() ? text : folder.relative() + "/" + text;
                BasicFileAttributes attributes;
                try {
                    attributes = open != null
                            ? open.getFileAttributeView(name, BasicFileAttributeView.class, linkOptions).readAttributes()
                            : Files.readAttributes(entry, BasicFileAttributes.class, linkOptions);
                } catch (IOException e) {
                    give(followLinks && Files.isSymbolicLink(entry) ? ReadFailure.unfollowable(e, relative) : ReadFailure.warning(e, relative, "file"));
                    continue;
                }
                if (attributes.isDirectory()) {
                    Above above = null;
                    if (followLinks) {
                        Object key = key(entry, attributes);
                        if (folder.above().holds(key)) {
                            give(ReadFailure.loop(relative));
                            continue;
                        }
                        above = new Above(key, folder.above());
                    }
                    unfinished.incrementAndGet();
                    folders.add(new Folder(entry, relative, above));
                } else if (attributes.isRegularFile() && extensions.contains(TreeScanner.extension(text))) {
                    if (relative.indexOf('\uFFFD') >= 0) {
                        give(TreeScanner.notUtf8(relative));
                        continue;
                    }
                    if (names == null) {
                        names = MediaNames.folder(folder.relative());
                    }
                    batch.add(TreeScanner.item(names, text, relative, rootPrefix + relative, attributes));
                    if (batch.size() == BATCH) {
                        give(new ArrayList<>(batch));
                        batch.clear();
                    }
                }
            }
        } catch (IOException e) {
            give(ReadFailure.warning(e, folder.relative(), "folder"));
        } catch (DirectoryIteratorException e) {
            give(ReadFailure.warning(e.getCause(), folder.relative(), "folder"));
        }
    }

    /** Hands something to the calling thread; gives up once the scan has stopped. */
    private void give(Object message) {
        try {
            while (!handOver.offer(message, 10, TimeUnit.MILLISECONDS)) {
                if (stopped) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Object key(Path path) {
        try {
            return key(path, Files.readAttributes(path, BasicFileAttributes.class));
        } catch (IOException e) {
            return path.toAbsolutePath().normalize().toString();
        }
    }

    private static Object key(Path path, BasicFileAttributes attributes) {
        Object key = attributes.fileKey();
        return key != null ? key : path.toAbsolutePath().normalize().toString();
    }
}
