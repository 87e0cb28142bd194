package org.retrovue.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A collection as the source reports it. {@code externalId} is stable across renames; {@code locations} are the
 * root paths as the source sees them (what path mappings translate); {@code config} holds JSON-compatible values.
 */
public record DiscoveredCollection(String externalId, String name, List<String> locations, Map<String, Object> config) {
    public DiscoveredCollection {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(name, "name");
        locations = List.copyOf(locations);
        config = Map.copyOf(config);
    }
}
