package org.retrovue.spi;

import java.time.Clock;
import java.util.concurrent.Executor;

/** What the program hands a plugin, so that plugins read no global state and build no thread pools. */
public interface SourceContext {
    Clock clock();

    /** Where a plugin logs; it never receives secrets in messages from the program. */
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
}
