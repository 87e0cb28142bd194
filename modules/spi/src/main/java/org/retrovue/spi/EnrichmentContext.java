package org.retrovue.spi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** What the program hands an enricher for one item. Since SPI 1.6. */
public interface EnrichmentContext {
    Clock clock();

    /** Where the enricher logs, as {@link SourceContext#logger()}: stderr with {@code --debug} only; never a secret. */
    System.Logger logger();

    /**
     * When the time for this item is up. An enricher that waits (on a process, on I/O) waits no longer, ends what it
     * started and returns {@link EnrichmentResult.Failed} saying it timed out.
     */
    Instant deadline();

    /** The time left until {@link #deadline()}, zero once it has passed. */
    default Duration remaining() {
        Duration left = Duration.between(clock().instant(), deadline());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * Whether the program asked this work to stop (Ctrl-C, a shell's interrupt). The calling thread is interrupted
     * as well; threads and processes the enricher started are not, and it ends them. Once true it stays true.
     */
    default boolean cancelled() {
        return Thread.currentThread().isInterrupted();
    }

    /**
     * The values of this enricher's {@link Enricher#options()} that were given, by name, checked and in canonical
     * form as {@link OptionType} says, declared defaults filled in; absent ones are missing.
     */
    default Map<String, String> options() {
        return Map.of();
    }
}
