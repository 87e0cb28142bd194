package org.retrovue.spi;

import java.util.List;

/** An open connection to one source. Closed by the caller. */
public interface SourceConnection extends AutoCloseable {
    /**
     * A stable identity of the remote (a Plex machineIdentifier, the canonical path of a directory): two
     * configurations that reach the same thing give the same fingerprint, so it is not added twice.
     */
    String fingerprint() throws SourceException;

    /** The collections (libraries, directories) this source holds now. */
    List<DiscoveredCollection> collections() throws SourceException;

    @Override
    default void close() {}
}
