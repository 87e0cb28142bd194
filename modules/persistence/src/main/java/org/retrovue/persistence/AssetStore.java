package org.retrovue.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * The assets of collections, in plain batched SQL on one connection of its own (an ingest writes tens of
 * thousands of rows; entities would be far too slow). Each write is one transaction, so a process killed at any
 * moment leaves whole batches only, and the next ingest finishes the job. The connection also holds the
 * collection's advisory lock: one ingest per collection across processes.
 */
public final class AssetStore implements AutoCloseable {
    /** Rows arrive by COPY into this table (emptied at each commit), then go into assets in one statement. */
    private static final String STAGE = """
            create temporary table if not exists asset_stage (
                key text, remote_path text, local_path text, file_present boolean, size bigint, modified timestamptz,
                duration_ms bigint, title text, kind text, extra_type text, show text, season integer, episode integer, version text, year integer,
                episode_end integer, air_date date, provider_ids jsonb, digest bigint
            ) on commit delete rows
            """;
    private static final String COPY_STAGE = "copy asset_stage from stdin";
    private static final String COPY_ASSETS = """
            copy assets (collection_id, key, remote_path, local_path, file_present, size, modified, duration_ms, title, kind, extra_type, show, season,
                         episode, version, year, episode_end, air_date, provider_ids, digest, state, first_seen, last_seen, last_changed)
              from stdin
            """;
    private static final String UPSERT = """
            insert into assets (collection_id, key, remote_path, local_path, file_present, size, modified, duration_ms, title, kind,
                                extra_type, show, season, episode, version, year, episode_end, air_date, provider_ids, digest, state, first_seen,
                                last_seen, last_changed)
            select ?, key, remote_path, local_path, file_present, size, modified, duration_ms, title, kind, extra_type, show, season, episode,
                   version, year, episode_end, air_date, provider_ids, digest, 'present', ?, ?, ?
              from asset_stage
            on conflict (collection_id, key) do update set
                remote_path = excluded.remote_path, local_path = excluded.local_path, file_present = excluded.file_present,
                size = excluded.size, modified = excluded.modified, duration_ms = excluded.duration_ms, title = excluded.title,
                kind = excluded.kind, extra_type = excluded.extra_type, show = excluded.show, season = excluded.season, episode = excluded.episode,
                version = excluded.version, year = excluded.year, episode_end = excluded.episode_end, air_date = excluded.air_date,
                provider_ids = excluded.provider_ids, digest = excluded.digest, state = 'present', last_seen = excluded.last_seen, last_changed = excluded.last_changed
            """;
    /** An asset as {@link #record} reads it, from {@code assets a join source_collections c}. */
    static final String ASSET_COLUMNS = """
            a.id, a.collection_id, a.key, a.remote_path, a.local_path, a.file_present, a.size, a.modified, a.duration_ms, a.title,
            a.kind, a.extra_type, a.show, a.season, a.episode, a.episode_end, a.year, a.air_date, a.provider_ids, a.version, a.state, a.first_seen,
            case when a.state = 'present' and c.last_complete_ingest_at > a.last_seen then c.last_complete_ingest_at else a.last_seen end,
            a.last_changed, a.media_duration_ms, a.container, a.bit_rate, a.video_codec, a.width, a.height, a.frame_rate, a.scan_type,
            a.sample_aspect, a.display_aspect, a.audio_codec, a.audio_channels, a.loudness_lufs, a.loudness_range_lu, a.true_peak_dbtp,
            a.streams, a.chapters, a.enriched_with, a.enriched_at, a.enrichment
            """;
    /** Ready for air (as {@link AssetRecord#notReadyReason}): present, its file here, a duration above zero. */
    private static final String READY = "(a.state = 'present' and a.file_present is true and coalesce(a.media_duration_ms, a.duration_ms, 0) > 0)";

    /**
     * What follows the application name while this connection holds a collection's lock: the time the ingest of
     * that collection started. The connection is kept from one ingest to the next, so its own start
     * ({@code backend_start}) says nothing about the ingest that holds the lock now.
     */
    private static final String SINCE = " since ";

    private final DatabaseTarget target;
    private final Connection connection;
    private final String applicationName;
    private boolean staged;
    /** The COPY text of a batch, its room reused from one batch to the next. */
    private final CopyRows copy = new CopyRows();

    private AssetStore(DatabaseTarget target, Connection connection, String applicationName) {
        this.target = target;
        this.connection = connection;
        this.applicationName = applicationName;
    }

    /** A connection of its own, named {@code applicationName} in {@code pg_stat_activity} (what a lock holder is called). */
    public static AssetStore open(DatabaseTarget target, String applicationName) {
        Properties properties = new Properties();
        if (target.user() != null) {
            properties.setProperty("user", target.user());
        }
        if (target.password() != null) {
            properties.setProperty("password", target.password());
        }
        properties.setProperty("ApplicationName", applicationName);
        try {
            Connection connection = DriverManager.getConnection(target.driverUrl(), properties);
            try (Statement s = connection.createStatement()) {
                // A batch's commit does not wait for its WAL to reach the disk: a server crash can lose the last
                // batches, never part of one, and the next ingest writes them again (docs/adr/0007).
                s.execute("set synchronous_commit = off");
            }
            connection.setAutoCommit(false);
            return new AssetStore(target, connection, applicationName);
        } catch (SQLException e) {
            throw Catalog.translate(e, target);
        }
    }

    public DatabaseTarget target() {
        return target;
    }

    /**
     * Whether this connection can serve another ingest: it answers, and holds no lock any more (each is let go
     * of here, whatever happened before).
     */
    public boolean reusable() {
        try {
            if (!connection.isValid(2)) {
                return false;
            }
            try (Statement s = connection.createStatement()) {
                s.execute("select pg_advisory_unlock_all()");
            }
            connection.commit();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Takes the collection's ingest lock, held until {@link #unlock} or until this connection ends (a killed
     * process frees it). Returns empty when taken, else who holds it.
     */
    public Optional<String> lock(UUID collectionId) {
        return sql(() -> {
            try (PreparedStatement s = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                s.setLong(1, lockKey(collectionId));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    boolean taken = rs.getBoolean(1);
                    if (taken) {
                        // application_name holds 63 bytes: the name is short, the time second-exact
                        try (PreparedStatement name = connection.prepareStatement(
                                "select set_config('application_name', ? || to_char(now() at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), false)")) {
                            name.setString(1, applicationName + SINCE);
                            name.executeQuery().close();
                        }
                    }
                    connection.commit();
                    return taken ? Optional.empty() : Optional.of(holder(collectionId));
                }
            }
        });
    }

    public void unlock(UUID collectionId) {
        sql(() -> {
            try (PreparedStatement s = connection.prepareStatement("select pg_advisory_unlock(?), set_config('application_name', ?, false)")) {
                s.setLong(1, lockKey(collectionId));
                s.setString(2, applicationName);
                s.executeQuery().close();
                connection.commit();
                return null;
            }
        });
    }

    private String holder(UUID collectionId) throws SQLException {
        long key = lockKey(collectionId);
        try (PreparedStatement s = connection.prepareStatement("""
                select a.application_name, a.pid
                  from pg_locks l join pg_stat_activity a on a.pid = l.pid
                 where l.locktype = 'advisory' and l.granted and l.classid = ? and l.objid = ? and l.objsubid = 1
                """)) {
            s.setLong(1, (key >>> 32) & 0xffffffffL);
            s.setLong(2, key & 0xffffffffL);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    String name = rs.getString(1);
                    String since = null;
                    int at = name == null ? -1 : name.lastIndexOf(SINCE);
                    if (at >= 0) {
                        since = name.substring(at + SINCE.length());
                        name = name.substring(0, at);
                    }
                    // a holder that does not say when it started (an older version) is named without a time
                    return (name == null || name.isBlank() ? "another session" : name) + " (database session " + rs.getInt(2)
                            + (since == null ? "" : ", since " + since) + ")";
                }
                return "another session";
            }
        }
    }

    private static long lockKey(UUID collectionId) {
        return collectionId.getMostSignificantBits() ^ collectionId.getLeastSignificantBits();
    }

    /**
     * Every stored item of the collection by key, with what tells a change; {@code withRows} reads each whole item
     * too (for a full ingest, which compares what it reads with what is stored).
     */
    public Map<String, KnownAsset> known(UUID collectionId, boolean withRows) {
        return sql(() -> {
            Map<String, KnownAsset> known = new HashMap<>(1 << 16);
            try (PreparedStatement s = connection.prepareStatement("select key, size, modified, state = 'present', file_present is true, digest"
                    + (withRows ? ", remote_path, local_path, file_present, duration_ms, title, kind, show, season, episode, version, year,"
                            + " episode_end, air_date, provider_ids, extra_type" : "")
                    + " from assets where collection_id = ?")) {
                // Binary transfer from the first execution: a time arrives as its microseconds, not as text to parse
                // (and the server does not compute an epoch in numeric arithmetic): a third of a rescan's reading.
                s.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
                s.setFetchSize(10_000);
                s.setObject(1, collectionId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        OffsetDateTime modified = rs.getObject(3, OffsetDateTime.class);
                        long micros = modified == null ? KnownAsset.NO_TIME : modified.toEpochSecond() * 1_000_000 + modified.getNano() / 1_000;
                        String key = rs.getString(1);
                        long digest = rs.getLong(6);
                        Long storedDigest = rs.wasNull() ? null : digest;
                        AssetRow stored = !withRows ? null : new AssetRow(key, rs.getString(7), rs.getString(8), (Boolean) rs.getObject(9),
                                rs.getLong(2), modified == null ? null : modified.toInstant(), (Long) rs.getObject(10), rs.getString(11),
                                rs.getString(12), rs.getString(21), rs.getString(13), (Integer) rs.getObject(14), (Integer) rs.getObject(15), rs.getString(16),
                                (Integer) rs.getObject(17), (Integer) rs.getObject(18), rs.getObject(19, LocalDate.class),
                                providerIds(rs.getString(20)), storedDigest);
                        known.put(key, new KnownAsset(rs.getLong(2), micros, storedDigest == null ? KnownAsset.NO_DIGEST : digest,
                                rs.getBoolean(4), rs.getBoolean(5), stored));
                    }
                }
            }
            connection.commit();
            return known;
        });
    }

    /** The remote paths, by key, of the collection's present items whose local file was not found (or not looked for). */
    public Map<String, String> withoutFile(UUID collectionId) {
        return sql(() -> {
            Map<String, String> found = new HashMap<>();
            try (PreparedStatement s = connection.prepareStatement(
                    "select key, remote_path from assets where collection_id = ? and state = 'present' and file_present is not true")) {
                s.setFetchSize(10_000);
                s.setObject(1, collectionId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            connection.commit();
            return found;
        });
    }

    /** Records, in one transaction, that the items of {@code localPaths}' keys have their file here now, at that path. */
    public void markFileFound(UUID collectionId, Map<String, String> localPaths, Instant now) {
        if (localPaths.isEmpty()) {
            return;
        }
        sql(() -> {
            try (PreparedStatement s = connection.prepareStatement("""
                    update assets a set local_path = f.local_path, file_present = true, last_changed = ?
                      from unnest(?::text[], ?::text[]) as f(key, local_path)
                     where a.collection_id = ? and a.key = f.key
                    """)) {
                List<String> keys = new ArrayList<>(localPaths.keySet());
                s.setTimestamp(1, Timestamp.from(now));
                s.setArray(2, connection.createArrayOf("text", keys.toArray()));
                s.setArray(3, connection.createArrayOf("text", keys.stream().map(localPaths::get).toArray()));
                s.setObject(4, collectionId);
                s.executeUpdate();
            }
            connection.commit();
            return null;
        });
    }

    /**
     * Inserts or updates {@code rows} (changed or reappeared items) in one transaction: COPY into a staging table,
     * then one upsert from it (several times faster than batched inserts).
     */
    public void write(UUID collectionId, List<AssetRow> rows, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        sql(() -> {
            if (!staged) {
                try (Statement s = connection.createStatement()) {
                    s.execute(STAGE);
                }
                staged = true;
            }
            lockCollection(collectionId);
            copy.clear();
            for (AssetRow row : rows) {
                appendRow(row).endRow();
            }
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_STAGE, copy.stream());
            Timestamp at = Timestamp.from(now);
            try (PreparedStatement s = connection.prepareStatement(UPSERT)) {
                s.setObject(1, collectionId);
                s.setTimestamp(2, at);
                s.setTimestamp(3, at);
                s.setTimestamp(4, at);
                s.executeUpdate();
            }
            connection.commit();
            return null;
        });
    }

    /**
     * Inserts {@code rows}, items this collection has never had, in one transaction by COPY straight into assets:
     * an ingest holds the collection's lock, so no one else adds its items meanwhile. Half the work of
     * {@link #write} for a first ingest.
     */
    public void insert(UUID collectionId, List<AssetRow> rows, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        sql(() -> {
            lockCollection(collectionId);
            byte[] prefix = new CopyRows(64).plain(collectionId.toString()).tab().toBytes();
            byte[] suffix = new CopyRows(128).tab().plain("present").tab().field(now).tab().field(now).tab().field(now).endRow().toBytes();
            copy.clear();
            for (AssetRow row : rows) {
                copy.raw(prefix);
                appendRow(row).raw(suffix);
            }
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_ASSETS, copy.stream());
            connection.commit();
            return null;
        });
    }

    /**
     * What a foreign key check would do for each row, once per batch (V3): the collection's row is locked against
     * deletion until the batch commits; when it is already gone, nothing is written.
     */
    private void lockCollection(UUID collectionId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select 1 from source_collections where id = ? for key share")) {
            s.setObject(1, collectionId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new CatalogException("the collection was deleted during the ingest; nothing more was written");
                }
            }
        }
    }

    /** One row's item columns in COPY's text format, tab-separated, without a line end. */
    private CopyRows appendRow(AssetRow row) {
        copy.field(row.key()).tab().field(row.remotePath()).tab().field(row.localPath()).tab().field(row.filePresent()).tab();
        copy.number(row.size()).tab().field(row.modified()).tab().field(row.durationMillis()).tab();
        copy.field(row.title()).tab().field(row.kind()).tab().field(row.extraType()).tab().field(row.show()).tab();
        copy.field(row.season()).tab().field(row.episode()).tab().field(row.version()).tab().field(row.year()).tab();
        copy.field(row.episodeEnd()).tab().field(row.airDate()).tab().json(row.providerIds()).tab();
        return copy.field(row.digest());
    }

    /** Marks the items of {@code keys} missing, in one transaction; returns how many were present. */
    public int markMissing(UUID collectionId, Collection<String> keys, Instant now) {
        if (keys.isEmpty()) {
            return 0;
        }
        return sql(() -> {
            try (PreparedStatement s = connection.prepareStatement(
                    "update assets set state = 'missing', last_changed = ? where collection_id = ? and state = 'present' and key = any (?)")) {
                Array array = connection.createArrayOf("text", keys.toArray());
                s.setTimestamp(1, Timestamp.from(now));
                s.setObject(2, collectionId);
                s.setArray(3, array);
                int updated = s.executeUpdate();
                connection.commit();
                return updated;
            }
        });
    }

    /** Records how an ingest of the collection ended; {@code complete} also moves its last complete ingest. */
    public void recordIngest(UUID collectionId, Instant at, String outcome, Map<String, Object> counts, String version, boolean complete) {
        sql(() -> {
            try (PreparedStatement s = connection.prepareStatement("""
                    update source_collections set last_ingest_at = ?, last_ingest_outcome = ?, last_ingest_counts = ?::jsonb,
                           last_ingest_version = case when ? then ? else last_ingest_version end,
                           last_complete_ingest_at = case when ? then ? else last_complete_ingest_at end
                     where id = ?
                    """)) {
                Timestamp time = Timestamp.from(at);
                s.setTimestamp(1, time);
                s.setString(2, outcome);
                s.setString(3, JsonText.write(counts));
                s.setBoolean(4, complete);
                s.setString(5, version);
                s.setBoolean(6, complete);
                s.setTimestamp(7, time);
                s.setObject(8, collectionId);
                s.executeUpdate();
            }
            connection.commit();
            return null;
        });
    }

    /**
     * The collection's items that {@code filter} selects, by key (unique in a collection, so pages never overlap),
     * leaving out the first {@code offset}; at most {@code limit} (0: all).
     */
    public List<AssetRecord> assets(UUID collectionId, AssetFilter filter, long offset, long limit) {
        return sql(() -> {
            String query = "select " + ASSET_COLUMNS + " from assets a join source_collections c on c.id = a.collection_id where "
                    + where(filter) + " order by a.key" + (limit > 0 ? " limit ?" : "") + " offset ?";
            List<AssetRecord> out = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement(query)) {
                s.setFetchSize(1000);
                int next = bind(s, collectionId, filter);
                if (limit > 0) {
                    s.setLong(next++, limit);
                }
                s.setLong(next, offset);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(record(rs));
                    }
                }
            }
            connection.commit();
            return out;
        });
    }

    /** An asset as read by a query that selects {@link #ASSET_COLUMNS}. */
    static AssetRecord record(ResultSet rs) throws SQLException {
        AssetMedia media = new AssetMedia((Long) rs.getObject(25), rs.getString(26), (Long) rs.getObject(27), rs.getString(28),
                (Integer) rs.getObject(29), (Integer) rs.getObject(30), (Double) rs.getObject(31), rs.getString(32), rs.getString(33),
                rs.getString(34), rs.getString(35), (Integer) rs.getObject(36), (Double) rs.getObject(37), (Double) rs.getObject(38),
                (Double) rs.getObject(39), rs.getString(40) == null ? null : JsonText.readObject(rs.getString(40)),
                rs.getString(41) == null ? null : JsonText.readList(rs.getString(41)));
        String enrichedWith = rs.getString(42);
        AssetEnrichment enrichment = new AssetEnrichment(enrichedWith == null ? null : enrichedWith.isEmpty() ? List.of()
                : List.of(enrichedWith.split(",")), rs.getObject(43, OffsetDateTime.class), outcomes(rs.getString(44)));
        return new AssetRecord(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getString(5), (Boolean) rs.getObject(6), rs.getLong(7), rs.getObject(8, OffsetDateTime.class),
                (Long) rs.getObject(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                (Integer) rs.getObject(14), (Integer) rs.getObject(15), (Integer) rs.getObject(16), (Integer) rs.getObject(17),
                rs.getObject(18, LocalDate.class), providerIds(rs.getString(19)), rs.getString(20), rs.getString(21),
                rs.getObject(22, OffsetDateTime.class), rs.getObject(23, OffsetDateTime.class),
                rs.getObject(24, OffsetDateTime.class), media, enrichment);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> outcomes(String json) {
        Map<String, Map<String, Object>> outcomes = new java.util.LinkedHashMap<>();
        if (json != null) {
            JsonText.readObject(json).forEach((id, outcome) -> {
                if (outcome instanceof Map<?, ?> map) {
                    outcomes.put(id, (Map<String, Object>) map);
                }
            });
        }
        return outcomes;
    }

    /**
     * How many present assets of the collection, with a file here, are to be enriched with {@code enrichedWith}
     * (the source's enricher list, {@code id@version} in order): never enriched, enriched with another list, or
     * changed since; all of them with {@code all}.
     */
    public long countToEnrich(UUID collectionId, List<String> enrichedWith, boolean all) {
        return sql(() -> {
            long count = EnrichmentSql.countStale(connection, collectionId, String.join(",", enrichedWith), all);
            connection.commit();
            return count;
        });
    }

    /** The next {@code limit} assets to enrich (as {@link #countToEnrich} selects them) after the one with id {@code afterId}, by id. */
    public List<AssetRecord> toEnrich(UUID collectionId, List<String> enrichedWith, boolean all, long afterId, int limit) {
        return sql(() -> {
            List<AssetRecord> page = EnrichmentSql.stale(connection, collectionId, String.join(",", enrichedWith), all, afterId, limit);
            connection.commit();
            return page;
        });
    }

    /** Writes what enrichers measured of several assets, in one transaction: a kill keeps whole assets only. */
    public void writeEnrichment(List<EnrichmentWrite> writes) {
        if (writes.isEmpty()) {
            return;
        }
        sql(() -> {
            EnrichmentSql.write(connection, writes);
            connection.commit();
            return null;
        });
    }

    /** How many of the collection's items {@code filter} selects. */
    public long countAssets(UUID collectionId, AssetFilter filter) {
        return sql(() -> {
            try (PreparedStatement s = connection.prepareStatement("select count(*) from assets a where " + where(filter))) {
                bind(s, collectionId, filter);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    long count = rs.getLong(1);
                    connection.commit();
                    return count;
                }
            }
        });
    }

    private static String where(AssetFilter filter) {
        return "a.collection_id = ?" + (filter.missingOnly() ? " and a.state = 'missing'" : "") + (filter.notReadyOnly() ? " and not " + READY : "")
                + (filter.pathGlob() != null ? " and a.local_path like ? escape '\\'" : "");
    }

    /** Binds what {@link #where} asks for; returns the index of the next parameter. */
    private static int bind(PreparedStatement s, UUID collectionId, AssetFilter filter) throws SQLException {
        s.setObject(1, collectionId);
        if (filter.pathGlob() == null) {
            return 2;
        }
        s.setString(2, LikePattern.fromGlob(filter.pathGlob()));
        return 3;
    }

    /** Provider ids as stored (a JSON object of strings, or null). */
    private static Map<String, String> providerIds(String json) {
        if (json == null) {
            return Map.of();
        }
        Map<String, String> ids = new HashMap<>();
        JsonText.readObject(json).forEach((provider, id) -> ids.put(provider, String.valueOf(id)));
        return ids;
    }

    private interface Work<T> {
        T run() throws SQLException, java.io.IOException;
    }

    private <T> T sql(Work<T> work) {
        try {
            return work.run();
        } catch (SQLException | java.io.IOException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is gone; the server rolls back by itself
            }
            throw Catalog.translate(e, target);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }
}
