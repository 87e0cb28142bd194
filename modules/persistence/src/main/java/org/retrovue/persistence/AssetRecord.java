package org.retrovue.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An ingested item as stored. {@code lastSeen} of a present item is the end of the last complete ingest that found it. */
public record AssetRecord(long id, UUID collectionId, String key, String remotePath, String localPath, Boolean filePresent, long size,
                          OffsetDateTime modified, Long durationMillis, String title, String kind, String show, Integer season,
                          Integer episode, String state, OffsetDateTime firstSeen, OffsetDateTime lastSeen, OffsetDateTime lastChanged) {}
