package org.retrovue.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The SQL of enrichment (V9, docs/adr/0011): which assets are stale, and the writing of what enrichers measured. */
final class EnrichmentSql {
    /**
     * Present assets with a file here whose enrichment is stale: never done, done with another enricher list, or
     * done on the file as it was before (size or time). With a full run, all of them.
     */
    private static final String STALE = """
             a.collection_id = ? and a.state = 'present' and a.file_present is true and a.local_path is not null
             and (? or a.enriched_with is distinct from ? or a.enriched_size is distinct from a.size
                  or a.enriched_modified is distinct from a.modified)
            """;

    private static final String[] FACT_COLUMNS = {"media_duration_ms", "container", "bit_rate", "video_codec", "width", "height",
            "frame_rate", "scan_type", "sample_aspect", "display_aspect", "audio_codec", "audio_channels", "loudness_lufs",
            "loudness_range_lu", "true_peak_dbtp", "streams", "chapters"};

    /** Replaces the facts: a fact not measured now is cleared. */
    private static final String REPLACE = update(false);
    /** Fills the facts measured now and keeps the others (an enricher declined). */
    private static final String FILL = update(true);

    private EnrichmentSql() {}

    private static String update(boolean keep) {
        StringBuilder sql = new StringBuilder("update assets set ");
        for (String column : FACT_COLUMNS) {
            String value = column.equals("streams") || column.equals("chapters") ? "?::jsonb" : "?";
            sql.append(column).append(" = ").append(keep ? "coalesce(" + value + ", " + column + ")" : value).append(", ");
        }
        return sql.append("enriched_with = ?, enriched_size = ?, enriched_modified = ?, enriched_at = ?, enrichment = ?::jsonb where id = ?")
                .toString();
    }

    static long countStale(Connection connection, UUID collectionId, String enrichedWith, boolean all) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select count(*) from assets a where " + STALE)) {
            bindStale(s, collectionId, enrichedWith, all);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The next {@code limit} stale assets after the one with id {@code afterId}, by id. */
    static List<AssetRecord> stale(Connection connection, UUID collectionId, String enrichedWith, boolean all, long afterId, int limit)
            throws SQLException {
        List<AssetRecord> out = new ArrayList<>(limit);
        try (PreparedStatement s = connection.prepareStatement("select " + AssetStore.ASSET_COLUMNS
                + " from assets a join source_collections c on c.id = a.collection_id where " + STALE + " and a.id > ? order by a.id limit ?")) {
            int next = bindStale(s, collectionId, enrichedWith, all);
            s.setLong(next++, afterId);
            s.setInt(next, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(AssetStore.record(rs));
                }
            }
        }
        return out;
    }

    private static int bindStale(PreparedStatement s, UUID collectionId, String enrichedWith, boolean all) throws SQLException {
        s.setObject(1, collectionId);
        s.setBoolean(2, all);
        s.setString(3, enrichedWith);
        return 4;
    }

    static void write(Connection connection, List<EnrichmentWrite> writes) throws SQLException {
        try (PreparedStatement replace = connection.prepareStatement(REPLACE); PreparedStatement fill = connection.prepareStatement(FILL)) {
            boolean replaced = false;
            boolean filled = false;
            for (EnrichmentWrite write : writes) {
                PreparedStatement s = write.keepUnmeasured() ? fill : replace;
                bind(s, write);
                s.addBatch();
                replaced |= !write.keepUnmeasured();
                filled |= write.keepUnmeasured();
            }
            if (replaced) {
                replace.executeBatch();
            }
            if (filled) {
                fill.executeBatch();
            }
        }
    }

    private static void bind(PreparedStatement s, EnrichmentWrite write) throws SQLException {
        AssetMedia m = write.media();
        Object[] values = {m.durationMillis(), m.container(), m.bitRate(), m.videoCodec(), m.width(), m.height(), m.frameRate(),
                m.scanType(), m.sampleAspect(), m.displayAspect(), m.audioCodec(), m.audioChannels(), m.loudnessLufs(),
                m.loudnessRangeLu(), m.truePeakDbtp(), m.streams() == null ? null : JsonText.write(m.streams()),
                m.chapters() == null ? null : JsonText.write(m.chapters())};
        int[] types = {Types.BIGINT, Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.DOUBLE,
                Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE,
                Types.VARCHAR, Types.VARCHAR};
        int i = 1;
        for (int v = 0; v < values.length; v++) {
            s.setObject(i++, values[v], types[v]);
        }
        s.setString(i++, write.enrichedWith() == null ? null : String.join(",", write.enrichedWith()));
        s.setLong(i++, write.size());
        s.setTimestamp(i++, write.modified() == null ? null : Timestamp.from(write.modified()));
        s.setTimestamp(i++, Timestamp.from(write.at()));
        s.setString(i++, JsonText.write(write.outcomes()));
        s.setLong(i, write.assetId());
    }
}
