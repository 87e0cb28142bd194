package org.retrovue.plugin.ffprobe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.retrovue.spi.EnrichmentContext;

/** An enrichment context for tests: a time limit from now, the enricher's options, and a cancel switch. */
final class TestContext implements EnrichmentContext {
    private final Instant deadline;
    private final Map<String, String> options;
    final AtomicBoolean cancel = new AtomicBoolean();

    TestContext(Duration limit, Map<String, String> options) {
        this.deadline = Instant.now().plus(limit);
        this.options = Map.copyOf(options);
    }

    TestContext() {
        this(Duration.ofSeconds(30), Map.of());
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public System.Logger logger() {
        return System.getLogger("ffprobe-test");
    }

    @Override
    public Instant deadline() {
        return deadline;
    }

    @Override
    public boolean cancelled() {
        return cancel.get() || Thread.currentThread().isInterrupted(); // as the program's: a switch, and the thread interrupted
    }

    @Override
    public Map<String, String> options() {
        return options;
    }
}
