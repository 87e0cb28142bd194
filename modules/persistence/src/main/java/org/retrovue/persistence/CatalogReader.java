package org.retrovue.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What can be read from the catalogue. Sources come with their collections and path mappings, in the order of
 * {@link RecordOrder}. Implemented over plain JDBC for read-only commands (no persistence-unit start-up on their
 * path) and over the EntityManager inside write transactions; a test holds the two to the same answers.
 */
public interface CatalogReader {
    /** Every source, ordered by name ignoring case. */
    List<SourceRecord> sources();

    /** Every source with collection counts instead of collections, in the order of {@link #sources()}. */
    List<SourceSummary> sourceSummaries();

    Optional<SourceRecord> sourceById(UUID id);

    Optional<SourceRecord> sourceByExternalId(String externalId);

    /** Sources whose name equals {@code name} ignoring case (at most one, by the unique index). */
    List<SourceRecord> sourcesByName(String name);

    /** Every collection, ordered by source name then collection name, ignoring case. */
    List<CollectionRecord> collections();

    Optional<CollectionRecord> collectionById(UUID id);

    List<CollectionRecord> collectionsByExternalId(String externalId);

    List<CollectionRecord> collectionsByName(String name);
}
