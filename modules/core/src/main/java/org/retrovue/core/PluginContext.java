package org.retrovue.core;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.retrovue.spi.SourceContext;

/** The context handed to a plugin's connection, with threads lent from one pool the whole program shares. */
record PluginContext(Clock clock, System.Logger logger) implements SourceContext {
    private static final int PARALLELISM = Math.max(1, Runtime.getRuntime().availableProcessors());
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
