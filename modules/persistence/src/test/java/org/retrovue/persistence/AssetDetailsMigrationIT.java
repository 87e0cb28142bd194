package org.retrovue.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.retrovue.pg.testing.TestPostgres;

/**
 * V6 on a catalogue ingested before it: stored items have no digest (the next ingest writes them again) and no
 * collection's version is kept, so a source that could say "unchanged" lists every item once more.
 */
class AssetDetailsMigrationIT {
    private static void run(Statement s, String script) throws Exception {
        try (InputStream in = SchemaMigrator.class.getResourceAsStream("/" + SchemaMigrator.LOCATION + "/" + script)) {
            s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void itemsStoredBeforeAreListedAndWrittenAgain() throws Exception {
        TestPostgres.Database database = TestPostgres.get().freshDatabase();
        int v5 = SchemaMigrator.MIGRATIONS.indexOf("V6__asset_versions_and_details.sql");
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            for (String script : SchemaMigrator.MIGRATIONS.subList(0, v5)) {
                run(s, script);
            }
            s.execute("""
                    insert into sources (id, external_id, name, kind) values ('00000000-0000-4000-8000-000000000001', 'plex-aaaaaaaaaaaa', 'P', 'plex');
                    insert into source_collections (id, source_id, external_id, name, last_ingest_version)
                      values ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', '1', 'Movies', 'updatedAt=1700000000');
                    insert into assets (collection_id, key, remote_path) values ('00000000-0000-4000-8000-000000000002', '42', '/data/a.mkv');
                    """);
            run(s, SchemaMigrator.MIGRATIONS.get(v5));
            try (ResultSet rs = s.executeQuery("select last_ingest_version from source_collections")) {
                assertTrue(rs.next());
                assertEquals(null, rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("select digest, version, provider_ids from assets")) {
                assertTrue(rs.next());
                assertEquals(java.util.Arrays.asList(null, null, null), java.util.Arrays.asList(rs.getObject(1), rs.getObject(2), rs.getObject(3)));
            }
        }
    }
}
