package org.retrovue.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.retrovue.spi.SourceContext;

/**
 * The context handed to a plugin's connection, with threads lent from one pool the whole program shares. It
 * belongs to the thread that made it: that thread's interrupt is the plugin's cancellation, which the plugin's
 * own threads read through {@link #cancelled()}.
 */
final class PluginContext implements SourceContext {
    /** Twice the processors, at least 4: a walk's threads mostly wait on the file system (a NAS even more). */
    private static final int PARALLELISM = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(Thread.ofPlatform().name("plugin-worker-", 1).daemon(true).factory());

    private final Clock clock;
    private final System.Logger logger;
    private final Path stateDirectory;
    private final Thread owner;
    private volatile boolean cancelled;

    private PluginContext(Clock clock, System.Logger logger, Path stateDirectory, Thread owner) {
        this.clock = clock;
        this.logger = logger;
        this.stateDirectory = stateDirectory;
        this.owner = owner;
    }

    static PluginContext forKind(PluginRegistry registry, String kind, Clock clock) {
        return new PluginContext(clock, System.getLogger("org.retrovue.plugin." + kind),
                registry.stateRoot().map(root -> root.resolve(kind)).orElse(null), Thread.currentThread());
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public System.Logger logger() {
        return logger;
    }

    @Override
    public int parallelism() {
        return PARALLELISM;
    }

    @Override
    public Executor executor() {
        return WORKERS;
    }

    /** Made on first use, readable by this user only (a plugin's cache may say what a server holds). */
    @Override
    public Optional<Path> stateDirectory() {
        if (stateDirectory == null) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(stateDirectory.getParent().getParent()); // the data directory
            for (Path dir : new Path[] {stateDirectory.getParent(), stateDirectory}) {
                if (!Files.isDirectory(dir)) {
                    try {
                        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                    } catch (java.nio.file.FileAlreadyExistsException raced) {
                        // another process made it meanwhile
                    }
                }
            }
            return Optional.of(stateDirectory);
        } catch (IOException | UnsupportedOperationException e) {
            logger.log(System.Logger.Level.WARNING, "no state directory: cannot create " + stateDirectory + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public boolean cancelled() {
        if (!cancelled && owner.isInterrupted()) {
            cancelled = true; // stays true, even if a plugin clears the interrupt it caught
        }
        return cancelled;
    }

    /** Tells the plugin to stop, whatever becomes of the interrupt that follows. */
    void cancel() {
        cancelled = true;
    }
}
