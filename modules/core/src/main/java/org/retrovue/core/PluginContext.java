package org.retrovue.core;

import java.time.Clock;
import org.retrovue.spi.SourceContext;

/** The context handed to a plugin's connection. */
record PluginContext(Clock clock, System.Logger logger) implements SourceContext {
    static PluginContext forKind(String kind, Clock clock) {
        return new PluginContext(clock, System.getLogger("org.retrovue.plugin." + kind));
    }
}
