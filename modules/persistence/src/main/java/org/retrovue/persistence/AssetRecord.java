package org.retrovue.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * An ingested item as stored. {@code lastSeen} of a present item is the end of the last complete ingest that found
 * it. {@code extraType} is set for extras only. {@code providerIds} is never null (empty when none).
 * {@code durationMillis} is what the source reported; {@code media} what enrichers measured (its duration wins:
 * {@link #duration}); {@code enrichment} how they last ran.
 */
public record AssetRecord(long id, UUID collectionId, String key, String remotePath, String localPath, Boolean filePresent, long size,
                          OffsetDateTime modified, Long durationMillis, String title, String kind, String extraType, String show, Integer season,
                          Integer episode, Integer episodeEnd, Integer year, LocalDate airDate, Map<String, String> providerIds,
                          String version, String state, OffsetDateTime firstSeen, OffsetDateTime lastSeen, OffsetDateTime lastChanged,
                          AssetMedia media, AssetEnrichment enrichment) {
    public AssetRecord {
        providerIds = providerIds == null ? Map.of() : Map.copyOf(providerIds);
        media = media == null ? AssetMedia.NONE : media;
        enrichment = enrichment == null ? AssetEnrichment.NONE : enrichment;
    }

    /** The running time: as measured by an enricher, else as the source reported it; null when neither is known. */
    public Long duration() {
        return media.durationMillis() != null ? media.durationMillis() : durationMillis;
    }

    /**
     * Why this item cannot go on air, or null when it is ready: it is present, its file is here and its duration is
     * above zero. The catalogue's filter on readiness ({@link AssetFilter#notReadyOnly}) says the same in SQL.
     */
    public String notReadyReason() {
        if (!"present".equals(state)) {
            return "missing at the source";
        }
        if (!Boolean.TRUE.equals(filePresent)) {
            return localPath == null ? "no local path (add a path mapping)" : "file not found here";
        }
        Long duration = duration();
        if (duration == null) {
            for (Map.Entry<String, Map<String, Object>> outcome : enrichment.outcomes().entrySet()) {
                if (!"filled".equals(outcome.getValue().get("outcome"))) {
                    return "duration unknown: enricher '" + outcome.getKey() + "' " + outcome.getValue().get("outcome") + ": "
                            + outcome.getValue().get("reason");
                }
            }
            return enrichment.at() == null ? "duration unknown (not enriched yet; see `retrovue source enrichers`)" : "duration unknown";
        }
        return duration > 0 ? null : "duration is zero";
    }

    public boolean ready() {
        return notReadyReason() == null;
    }
}
