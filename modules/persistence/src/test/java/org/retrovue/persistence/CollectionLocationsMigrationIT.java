package org.retrovue.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retrovue.pg.testing.TestPostgres;

/**
 * V7 on a catalogue written by the code before it: the program's keys of a collection (locations, missing) leave
 * its plugin's config for columns of their own, and the plugin's own keys stay where they were (the Plex plugin
 * reports locations in its config too).
 */
class CollectionLocationsMigrationIT {
    private static void run(Statement s, String script) throws Exception {
        try (InputStream in = SchemaMigrator.class.getResourceAsStream("/" + SchemaMigrator.LOCATION + "/" + script)) {
            s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theProgramsKeysMoveOutOfThePluginsConfig() throws Exception {
        TestPostgres.Database database = TestPostgres.get().freshDatabase();
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            for (String script : SchemaMigrator.MIGRATIONS.subList(0, 6)) {
                run(s, script);
            }
            s.execute("""
                    insert into sources (id, external_id, name, kind) values
                      ('00000000-0000-4000-8000-000000000001', 'plex-aaaaaaaaaaaa', 'Plex', 'plex'),
                      ('00000000-0000-4000-8000-000000000002', 'filesystem-bbbbbbbbbbbb', 'Disk', 'filesystem');
                    insert into source_collections (id, source_id, external_id, name, config) values
                      ('00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-000000000001', '1', 'Gone',
                       '{"type": "movie", "locations": ["D:\\\\Movies", "E:\\\\More"], "missing": true}'),
                      ('00000000-0000-4000-8000-00000000000b', '00000000-0000-4000-8000-000000000001', '2', 'Here',
                       '{"locations": ["/tv"], "type": "show"}'),
                      ('00000000-0000-4000-8000-00000000000c', '00000000-0000-4000-8000-000000000001', '3', 'Bare', null),
                      ('00000000-0000-4000-8000-00000000000d', '00000000-0000-4000-8000-000000000001', '4', 'Plain', '{"type": "artist"}'),
                      ('00000000-0000-4000-8000-00000000000e', '00000000-0000-4000-8000-000000000002', 'root', 'Disk root',
                       '{"path": "/media", "locations": ["/media"], "missing": true}');
                    """);
            run(s, SchemaMigrator.MIGRATIONS.get(6));
            try (ResultSet rs = s.executeQuery("select name, config::text, locations::text, missing from source_collections order by name")) {
                rs.next();
                assertEquals("Bare", rs.getString(1));
                assertNull(rs.getString(2));
                assertEquals(List.of(), JsonText.readStrings(rs.getString(3)));
                assertFalse(rs.getBoolean(4));
                rs.next();
                assertEquals("Disk root", rs.getString(1));
                assertEquals(JsonText.readObject("{\"path\": \"/media\"}"), JsonText.readObject(rs.getString(2)));
                assertEquals(List.of("/media"), JsonText.readStrings(rs.getString(3)));
                assertTrue(rs.getBoolean(4));
                rs.next();
                assertEquals("Gone", rs.getString(1));
                assertEquals(JsonText.readObject("{\"type\": \"movie\", \"locations\": [\"D:\\\\Movies\", \"E:\\\\More\"]}"),
                        JsonText.readObject(rs.getString(2)), "the Plex plugin's own key stays");
                assertEquals(List.of("D:\\Movies", "E:\\More"), JsonText.readStrings(rs.getString(3)));
                assertTrue(rs.getBoolean(4));
                rs.next();
                assertEquals("Here", rs.getString(1));
                assertEquals(JsonText.readObject("{\"locations\": [\"/tv\"], \"type\": \"show\"}"), JsonText.readObject(rs.getString(2)));
                assertEquals(List.of("/tv"), JsonText.readStrings(rs.getString(3)));
                assertFalse(rs.getBoolean(4));
                rs.next();
                assertEquals("Plain", rs.getString(1));
                assertEquals(JsonText.readObject("{\"type\": \"artist\"}"), JsonText.readObject(rs.getString(2)));
                assertEquals(List.of(), JsonText.readStrings(rs.getString(3)));
                assertFalse(rs.getBoolean(4));
            }
        }
    }
}
