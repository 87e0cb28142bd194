package org.retrovue.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
 * V5 on a catalogue written by the code before it: the program's keys leave the plugin's config for the source's
 * settings, options stay unknown (null) until the source is next updated, and the unique identity now reads settings.
 */
class SourceSettingsMigrationIT {
    private static void run(Statement s, String script) throws Exception {
        try (InputStream in = SchemaMigrator.class.getResourceAsStream("/" + SchemaMigrator.LOCATION + "/" + script)) {
            s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theProgramsKeysMoveOutOfThePluginsConfig() throws Exception {
        TestPostgres.Database database = TestPostgres.get().freshDatabase();
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            for (String script : SchemaMigrator.MIGRATIONS.subList(0, 4)) {
                run(s, script);
            }
            s.execute("""
                    insert into sources (id, external_id, name, kind, config) values
                      ('00000000-0000-4000-8000-000000000001', 'filesystem-aaaaaaaaaaaa', 'Moved', 'filesystem',
                       '{"base_path": "/b", "extensions": ["iso"], "enrichers": ["ffprobe"], "identity": "filesystem-bbbbbbbbbbbb"}'),
                      ('00000000-0000-4000-8000-000000000002', 'plex-cccccccccccc', 'Later', 'plex',
                       '{"base_url": "http://p:32400", "token": "t", "enrichers": [], "identity_unverified": true}'),
                      ('00000000-0000-4000-8000-000000000003', 'filesystem-dddddddddddd', 'Bare', 'filesystem', null)
                    """);
            run(s, SchemaMigrator.MIGRATIONS.get(4));
            try (ResultSet rs = s.executeQuery("select config::text, options::text, settings::text from sources order by name")) {
                rs.next(); // Bare
                assertNull(rs.getString(1));
                assertNull(rs.getString(3));
                rs.next(); // Later
                assertEquals(JsonText.readObject("{\"base_url\": \"http://p:32400\", \"token\": \"t\"}"), JsonText.readObject(rs.getString(1)));
                assertNull(rs.getString(2));
                assertEquals(JsonText.readObject("{\"enrichers\": [], \"identity_unverified\": true}"), JsonText.readObject(rs.getString(3)));
                rs.next(); // Moved
                assertEquals(JsonText.readObject("{\"base_path\": \"/b\", \"extensions\": [\"iso\"]}"), JsonText.readObject(rs.getString(1)));
                assertEquals(JsonText.readObject("{\"enrichers\": [\"ffprobe\"], \"identity\": \"filesystem-bbbbbbbbbbbb\"}"),
                        JsonText.readObject(rs.getString(3)));
            }
            SQLException refused = assertThrows(SQLException.class, () -> s.execute(
                    "update sources set settings = '{\"identity\": \"filesystem-bbbbbbbbbbbb\"}' where name = 'Bare'"));
            assertTrue(refused.getMessage().contains("sources_identity_key"), refused.getMessage());
        }
    }
}
