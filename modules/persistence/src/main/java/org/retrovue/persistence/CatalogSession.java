package org.retrovue.persistence;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What one transaction can read and change. Sources come with their collections and path mappings. */
public interface CatalogSession {
    List<SourceRecord> sources();

    Optional<SourceRecord> sourceById(UUID id);

    Optional<SourceRecord> sourceByExternalId(String externalId);

    /** Sources whose name equals {@code name} ignoring case (at most one, by the unique index). */
    List<SourceRecord> sourcesByName(String name);

    SourceRecord addSource(NewSource source);

    /** Changes name and config; the external id never changes. */
    SourceRecord updateSource(UUID id, String name, Map<String, Object> config);

    /** Deletes a source with its collections and path mappings; returns false when it was not there. */
    boolean deleteSource(UUID id);

    /** Every collection, ordered by source name then collection name. */
    List<CollectionRecord> collections();

    Optional<CollectionRecord> collectionById(UUID id);

    List<CollectionRecord> collectionsByExternalId(String externalId);

    List<CollectionRecord> collectionsByName(String name);

    CollectionRecord setCollectionEnabled(UUID collectionId, boolean enabled);

    CollectionRecord updateCollection(UUID collectionId, String name, Map<String, Object> config);
}
