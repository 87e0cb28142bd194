package org.retrovue.spi;

/**
 * How a scan ended. {@code version} is the collection's version at the source when known (Plex's library
 * {@code updatedAt}), else null; {@code unchanged} says the plugin listed nothing because the collection has not
 * changed since {@link ScanRequest#previousVersion()}.
 */
public record ScanResult(String version, boolean unchanged) {
    public static ScanResult complete(String version) {
        return new ScanResult(version, false);
    }

    public static ScanResult unchanged(String version) {
        return new ScanResult(version, true);
    }
}
