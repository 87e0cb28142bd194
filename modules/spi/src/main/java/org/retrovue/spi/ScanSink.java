package org.retrovue.spi;

/**
 * Where a scan delivers what it finds, item by item, as it finds it (a scan never gathers a whole library in
 * memory). Called on the scanning thread.
 */
public interface ScanSink {
    void item(ScannedItem item);

    /** Something skipped but not fatal (an unreadable directory, a name that is not valid text): counted and shown. */
    void warning(String message);

    /**
     * How many items this scan expects to deliver, when the source says so before listing them (Plex's
     * {@code totalSize}): the operator then sees a percentage and the time left (SPI 1.5). Call it again if the
     * number changes; a scan may deliver more or fewer. The default ignores it.
     */
    default void expect(long total) {}
}
