package org.retrovue.core;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.retrovue.spi.SourceContext;

/** The context handed to a plugin's connection, with threads lent from one pool the whole program shares. */
record PluginContext(Clock clock, System.Logger logger) implements SourceContext {
    /** Twice the processors, at least 4: a walk's threads mostly wait on the file system (a NAS even more). */
    private static final int PARALLELISM = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(Thread.ofPlatform().name("plugin-worker-", 1).daemon(true).factory());

    static PluginContext forKind(String kind, Clock clock) {
        return new PluginContext(clock, System.getLogger("org.retrovue.plugin." + kind));
    }

    @Override
    public int parallelism() {
        return PARALLELISM;
    }

    @Override
    public Executor executor() {
        return WORKERS;
    }
}
