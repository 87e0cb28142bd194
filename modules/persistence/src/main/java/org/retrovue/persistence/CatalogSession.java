package org.retrovue.persistence;

import java.util.Map;
import java.util.UUID;

/** What one write transaction can read and change. */
public interface CatalogSession extends CatalogReader {
    SourceRecord addSource(NewSource source);

    /** Changes name, config, options and settings; the external id never changes. */
    SourceRecord updateSource(UUID id, String name, Map<String, Object> config, Map<String, Object> options, Map<String, Object> settings);

    /** Deletes a source with its collections and path mappings; returns false when it was not there. */
    boolean deleteSource(UUID id);

    CollectionRecord setCollectionEnabled(UUID collectionId, boolean enabled);

    /** Takes what discovery found now: name, plugin config and locations; a collection found is not missing. */
    CollectionRecord updateCollection(UUID collectionId, String name, Map<String, Object> config, java.util.List<String> locations);

    /** Marks a collection that discovery no longer finds; it is kept with its mappings and assets. */
    CollectionRecord markCollectionMissing(UUID collectionId);

    /** Adds a newly discovered collection to a source; it starts disabled. */
    CollectionRecord addCollection(UUID sourceId, NewSource.NewCollection collection);

    /** Adds a mapping; a second one for the same remote path of the collection is a conflict. */
    CollectionRecord addPathMapping(UUID collectionId, String plexPath, String localPath);

    /** Removes the mapping of {@code plexPath}; returns false when there was none. */
    boolean removePathMapping(UUID collectionId, String plexPath);
}
