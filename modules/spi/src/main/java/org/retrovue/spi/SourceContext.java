package org.retrovue.spi;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;

/** What the program hands a plugin, so that plugins read no global state and build no thread pools. */
public interface SourceContext {
    Clock clock();

    /**
     * Where a plugin logs; it never receives secrets in messages from the program. Lines go to stderr, and only
     * with {@code --debug}: then INFO and above, and this plugin's DEBUG and TRACE too. Never log a secret.
     */
    System.Logger logger();

    /**
     * How many tasks a connection may run at once on {@link #executor()} for work it can split (walking
     * directories, SPI 1.2). 1 means no threads are lent: do the work on the calling thread.
     */
    default int parallelism() {
        return 1;
    }

    /** Threads lent by the program when {@link #parallelism()} is more than 1; never shut it down. */
    default Executor executor() {
        return Runnable::run;
    }

    /**
     * A directory of this plugin's own, for state it keeps between runs (a cache, a cursor), under the program's
     * data directory ({@code plugins-state/KIND/}, readable by this user only): created on the first call, and
     * the same for every connection of the kind. Empty when the program offers none (before SPI 1.5, or in a test
     * that gives none). Several processes may use it at once: write files whole (write, then move into place).
     */
    default Optional<Path> stateDirectory() {
        return Optional.empty();
    }

    /**
     * Whether the program asked this work to stop (Ctrl-C, a shell's interrupt, SPI 1.5). The thread that called
     * the plugin is interrupted as well, which ends its blocking calls; threads the plugin started itself are not,
     * and poll this instead. Once true it stays true. The default reads the calling thread's interrupt flag.
     */
    default boolean cancelled() {
        return Thread.currentThread().isInterrupted();
    }
}
