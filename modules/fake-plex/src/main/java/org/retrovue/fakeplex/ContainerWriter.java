package org.retrovue.fakeplex;

import java.io.IOException;

/**
 * Streams one {@code MediaContainer}: its attributes first, then its children one at a time, so that a page of
 * any size is written without being built in memory.
 */
interface ContainerWriter {
    /**
     * Opens the container with {@code container}'s attributes (its children come through {@link #child});
     * {@code childKey} names the array they form in JSON.
     */
    void begin(Node container, String childKey) throws IOException;

    void child(Node node) throws IOException;

    /** Closes the container and flushes. */
    void end() throws IOException;
}
