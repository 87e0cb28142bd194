package org.retrovue.fakejellyfin;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;

/** Writes an {@link Item} as the servers write a {@code BaseItemDto}. */
final class ItemJson {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'.0000000Z'")
            .withZone(ZoneOffset.UTC);

    private ItemJson() {
    }

    /** An item in the order Jellyfin writes a {@code BaseItemDto}; the fields a request must ask for, only then. */
    static void write(JsonWriter out, Item item, Set<String> fields, Dialect dialect, String serverId) throws IOException {
        out.beginObject();
        out.member("Name", item.name());
        out.member("ServerId", serverId);
        out.member("Id", item.id());
        if (fields.contains("Etag")) {
            out.member("Etag", item.etag());
        }
        if (fields.contains("DateCreated")) {
            out.member("DateCreated", DATE.format(Instant.ofEpochSecond(item.dateCreated())));
        }
        out.member("Container", item.container());
        if (fields.contains("SortName")) {
            out.member("SortName", item.sortName());
        }
        if (fields.contains("MediaSources") && !item.kind().folder) {
            out.name("MediaSources").beginArray();
            for (Item.MediaSource source : item.mediaSources()) {
                mediaSource(out, source, item.etag(), dialect);
            }
            out.endArray();
        }
        if (fields.contains("Path")) {
            out.member("Path", item.path());
        }
        out.member("RunTimeTicks", item.runTimeTicks());
        out.member("ProductionYear", item.productionYear());
        out.member("IndexNumber", item.indexNumber());
        out.member("IndexNumberEnd", item.indexNumberEnd());
        out.member("ParentIndexNumber", item.parentIndexNumber());
        if (fields.contains("ProviderIds")) {
            out.name("ProviderIds").beginObject();
            for (Map.Entry<String, String> provider : item.providerIds().entrySet()) {
                out.member(provider.getKey(), provider.getValue());
            }
            out.endObject();
        }
        out.member("IsFolder", item.kind().folder);
        out.member("Type", item.kind().typeName);
        out.member("SeriesName", item.seriesName());
        out.member("SeriesId", item.seriesId());
        out.member("SeasonId", item.seasonId());
        out.member("SeasonName", item.seasonName());
        out.member("LocationType", item.virtual() ? "Virtual" : "FileSystem");
        out.member("MediaType", item.kind().folder ? "Unknown" : "Video");
        out.endObject();
    }

    private static void mediaSource(JsonWriter out, Item.MediaSource source, String etag, Dialect dialect) throws IOException {
        out.beginObject()
                .member("Protocol", "File")
                .member("Id", source.id())
                .member("Path", source.path())
                .member("Type", "Default")
                .member("Container", source.container())
                .member("Size", source.size())
                .member("Name", source.name())
                .member("IsRemote", false);
        if (dialect == Dialect.JELLYFIN) {
            out.member("ETag", etag);
        }
        out.member("RunTimeTicks", source.runTimeTicks())
                .member("SupportsDirectPlay", true)
                .member("SupportsDirectStream", true)
                .member("SupportsTranscoding", true)
                .member("VideoType", "VideoFile")
                .endObject();
    }
}
