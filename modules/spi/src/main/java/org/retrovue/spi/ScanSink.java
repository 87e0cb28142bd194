package org.retrovue.spi;

/**
 * Where a scan delivers what it finds, item by item, as it finds it (a scan never gathers a whole library in
 * memory). Called on the scanning thread.
 */
public interface ScanSink {
    void item(ScannedItem item);

    /** Something skipped but not fatal (an unreadable directory, a name that is not valid text): counted and shown. */
    void warning(String message);
}
