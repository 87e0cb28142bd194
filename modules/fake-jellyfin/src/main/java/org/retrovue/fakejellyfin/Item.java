package org.retrovue.fakejellyfin;

import java.util.List;
import java.util.Map;

/**
 * One item as the servers describe it ({@code BaseItemDto}), before the request's {@code Fields} pick what is
 * written. Nullable fields are left out of the answer. {@code dateCreated} is in epoch seconds; run times are in
 * ticks of 100 ns.
 */
record Item(String id, String name, String sortName, ItemKind kind, String path, Long runTimeTicks,
            Integer productionYear, String seriesName, String seriesId, String seasonId, String seasonName,
            Integer parentIndexNumber, Integer indexNumber, Integer indexNumberEnd, Map<String, String> providerIds,
            String etag, long dateCreated, String container, List<MediaSource> mediaSources, boolean virtual) {

    /** One version of an item's file ({@code MediaSourceInfo}). */
    record MediaSource(String id, String path, long size, String container, String name, long runTimeTicks) {
    }
}
