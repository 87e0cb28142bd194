package org.retrovue.spi;

import java.util.List;
import java.util.function.Consumer;

/** An open connection to one source. Closed by the caller. */
public interface SourceConnection extends AutoCloseable {
    /**
     * A stable identity of the remote (a Plex machineIdentifier, the canonical path of a directory): two
     * configurations that reach the same thing give the same fingerprint, so it is not added twice.
     */
    String fingerprint() throws SourceException;

    /** The collections (libraries, directories) this source holds now. */
    List<DiscoveredCollection> collections() throws SourceException;

    /**
     * The collections, telling {@code warnings} in words what was found but left out (SPI 1.5): "skipped the Music
     * library: music is not ingested". The operator sees each as a {@code warning:} line of {@code source add} and
     * {@code source discover}. The program calls this one; the default calls {@link #collections()} and warns of
     * nothing. Call {@code warnings} on the calling thread.
     */
    default List<DiscoveredCollection> collections(Consumer<String> warnings) throws SourceException {
        return collections();
    }

    /**
     * Lists the items of one collection into {@code sink}, streaming (SPI 1.2). A scan that cannot finish throws;
     * what it delivered before stays delivered. Plugins without scanning keep this default.
     */
    default ScanResult scan(ScanRequest request, ScanSink sink) throws SourceException {
        throw new SourceException(SourceException.Code.INTERNAL, "this source type cannot scan its collections (it was built for SPI "
                + "1.1 or earlier); update the plugin");
    }

    /**
     * Whether the items' remote paths are paths on this machine that the scan has just found (a directory walk),
     * so that the ingest need not check again that each file is there (SPI 1.3). Where path mappings apply to an
     * item, they are used all the same.
     */
    default boolean findsLocalFiles() {
        return false;
    }

    /**
     * How messages name the remote (SPI 1.5): a short phrase such as {@code Plex server 'Living Room'}, from what
     * the remote says of itself. The program shows it with the external id. The default is the fingerprint.
     */
    default String displayName() throws SourceException {
        return fingerprint();
    }

    /**
     * Checks the connection (SPI 1.5): is the remote there, does it take the credentials, what it calls itself and
     * which version it runs. Finish within the kind's own timeouts; report what failed rather than throw (a thrown
     * {@link SourceException} is read by its code: UNREACHABLE, UNAUTHORIZED, or another problem). The default
     * checks nothing and says so: {@code source status} then shows the source as not checked, not as healthy.
     */
    default SourceHealth health() throws SourceException {
        return SourceHealth.notChecked();
    }

    @Override
    default void close() {}
}
