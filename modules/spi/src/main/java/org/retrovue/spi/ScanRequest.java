package org.retrovue.spi;

import java.util.Objects;

/**
 * What to scan: one collection as the source last reported it. {@code previousVersion} is the version the last
 * complete scan returned (null when none, or when a full rescan is asked for): a plugin that can tell the
 * collection has not changed since then may return {@link ScanResult#unchanged} without listing anything.
 */
public record ScanRequest(DiscoveredCollection collection, String previousVersion) {
    public ScanRequest {
        Objects.requireNonNull(collection, "collection");
    }
}
