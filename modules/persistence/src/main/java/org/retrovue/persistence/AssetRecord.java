package org.retrovue.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * An ingested item as stored. {@code lastSeen} of a present item is the end of the last complete ingest that found
 * it. {@code extraType} is set for extras only. {@code providerIds} is never null (empty when none).
 */
public record AssetRecord(long id, UUID collectionId, String key, String remotePath, String localPath, Boolean filePresent, long size,
                          OffsetDateTime modified, Long durationMillis, String title, String kind, String extraType, String show, Integer season,
                          Integer episode, Integer episodeEnd, Integer year, LocalDate airDate, Map<String, String> providerIds,
                          String version, String state, OffsetDateTime firstSeen, OffsetDateTime lastSeen, OffsetDateTime lastChanged) {
    public AssetRecord {
        providerIds = providerIds == null ? Map.of() : Map.copyOf(providerIds);
    }
}
