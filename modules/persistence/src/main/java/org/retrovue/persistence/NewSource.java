package org.retrovue.persistence;

import java.util.List;
import java.util.Map;

/** A source to insert with its first collections; the maps are as {@link SourceRecord} describes them. */
public record NewSource(String externalId, String name, String kind, Map<String, Object> config, Map<String, Object> options,
                        Map<String, Object> settings, List<NewCollection> collections) {
    public NewSource {
        collections = List.copyOf(collections);
    }

    /** A collection to insert with its plugin's config and the locations discovery reported; it starts disabled. */
    public record NewCollection(String externalId, String name, Map<String, Object> config, List<String> locations) {
        public NewCollection {
            locations = List.copyOf(locations);
        }
    }
}
