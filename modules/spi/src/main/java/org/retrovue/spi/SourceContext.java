package org.retrovue.spi;

import java.time.Clock;

/** What the program hands a plugin, so that plugins read no global state and build no thread pools. */
public interface SourceContext {
    Clock clock();

    /** Where a plugin logs; it never receives secrets in messages from the program. */
    System.Logger logger();
}
