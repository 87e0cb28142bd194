package org.retrovue.persistence;

import java.time.Instant;

/**
 * An item as an ingest writes it. {@code kind} is movie, episode or other; {@code localPath} is null when no path
 * mapping covers the remote path; {@code filePresent} says whether the local file was there (null: not checked).
 */
public record AssetRow(String key, String remotePath, String localPath, Boolean filePresent, long size, Instant modified,
                       Long durationMillis, String title, String kind, String show, Integer season, Integer episode) {}
