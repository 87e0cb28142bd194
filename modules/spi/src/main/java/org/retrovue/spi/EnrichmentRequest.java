package org.retrovue.spi;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One item to enrich. {@code path} is the file on this machine (after path mappings); {@code size} (-1 when
 * unknown) and {@code modified} are what the scan saw, which may differ from the file now if it changed or vanished
 * since. {@code item} is what the scan already knows (kind, title, show, season, episode, a duration the source gave
 * ...); {@code known} holds the facts the enrichers before this one in the source's list filled, {@link MediaFacts#NONE}
 * for the first. Since SPI 1.6.
 */
public record EnrichmentRequest(Path path, long size, Instant modified, ScannedItem item, MediaFacts known) {
    public EnrichmentRequest {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(item, "item");
        known = known == null ? MediaFacts.NONE : known;
    }
}
