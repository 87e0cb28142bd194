package org.retrovue.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.retrovue.pg.testing.TestPostgres;

/**
 * V8 on a catalogue stored before it: its items keep their kinds, and from then on an item may be an extra, which
 * then says which kind of extra, while no other item has an extra type.
 */
class AssetExtrasMigrationIT {
    private static final String COLLECTION = "'00000000-0000-4000-8000-000000000002'";

    private static void run(Statement s, String script) throws Exception {
        try (InputStream in = SchemaMigrator.class.getResourceAsStream("/" + SchemaMigrator.LOCATION + "/" + script)) {
            s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void extrasAreStoredWithTheirTypeAndOnlyThey() throws Exception {
        TestPostgres.Database database = TestPostgres.get().freshDatabase();
        int v8 = SchemaMigrator.MIGRATIONS.indexOf("V8__asset_extras.sql");
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            for (String script : SchemaMigrator.MIGRATIONS.subList(0, v8)) {
                run(s, script);
            }
            s.execute("""
                    insert into sources (id, external_id, name, kind) values ('00000000-0000-4000-8000-000000000001', 'filesystem-aaaaaaaaaaaa', 'F', 'filesystem');
                    insert into source_collections (id, source_id, external_id, name)
                      values (%s, '00000000-0000-4000-8000-000000000001', 'root', 'movies');
                    insert into assets (collection_id, key, remote_path, kind) values (%s, 'a.mkv', '/m/a.mkv', 'movie');
                    """.formatted(COLLECTION, COLLECTION));
            assertThrows(SQLException.class, () -> s.execute("insert into assets (collection_id, key, remote_path, kind) values ("
                    + COLLECTION + ", 'x', '/m/x.mkv', 'extra')"), "before V8 there are no extras");
            run(s, SchemaMigrator.MIGRATIONS.get(v8));
            try (ResultSet rs = s.executeQuery("select kind, extra_type from assets")) {
                assertTrue(rs.next());
                assertEquals(java.util.Arrays.asList("movie", null), java.util.Arrays.asList(rs.getString(1), rs.getString(2)));
            }
            s.execute("insert into assets (collection_id, key, remote_path, kind, extra_type) values (" + COLLECTION
                    + ", 't.mkv', '/m/t-trailer.mkv', 'extra', 'trailer')");
            for (String bad : new String[] {"'extra', null", "'movie', 'trailer'", "'extra', 'bloopers'"}) {
                assertThrows(SQLException.class, () -> s.execute("insert into assets (collection_id, key, remote_path, kind, extra_type) values ("
                        + COLLECTION + ", 'b.mkv', '/m/b.mkv', " + bad + ")"), bad);
            }
        }
    }
}
