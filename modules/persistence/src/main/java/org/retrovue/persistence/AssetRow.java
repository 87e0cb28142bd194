package org.retrovue.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * An item as an ingest writes it. {@code kind} is movie, episode, other or extra, and
 * {@code extraType} which kind of extra an extra is (trailer, featurette, ...; null for every other kind); {@code localPath} is null when no path
 * mapping covers the remote path; {@code filePresent} says whether the local file was there (null: not checked).
 * {@code providerIds} is never null (empty when none); {@code digest} is the ingest's hash of the reported values
 * but size and time (null for rows stored before it was kept).
 */
public record AssetRow(String key, String remotePath, String localPath, Boolean filePresent, long size, Instant modified,
                       Long durationMillis, String title, String kind, String extraType, String show, Integer season, Integer episode,
                       String version, Integer year, Integer episodeEnd, LocalDate airDate, Map<String, String> providerIds,
                       Long digest) {
    public AssetRow {
        providerIds = providerIds == null ? Map.of() : Map.copyOf(providerIds);
    }
}
