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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retrovue.pg.testing.TestPostgres;

/**
 * V4 on a catalogue that races already spoiled (two sources on one remote): the oldest keeps the identity, the
 * others are set apart, and from then on the database refuses a second source on one remote.
 */
class UniqueIdentityMigrationIT {
    private static void run(Statement s, String script) throws Exception {
        try (InputStream in = SchemaMigrator.class.getResourceAsStream("/" + SchemaMigrator.LOCATION + "/" + script)) {
            s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void sourcesThatShareARemoteAreSetApartAndNoMoreCanBeMade() throws Exception {
        TestPostgres.Database database = TestPostgres.get().freshDatabase();
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            for (String script : SchemaMigrator.MIGRATIONS.subList(0, 3)) {
                run(s, script);
            }
            s.execute("""
                    insert into sources (id, external_id, name, kind, config, created_at) values
                      ('00000000-0000-4000-8000-000000000001', 'filesystem-aaaaaaaaaaaa', 'Mover', 'filesystem', '{"identity": "filesystem-bbbbbbbbbbbb"}', now() - interval '2 days'),
                      ('00000000-0000-4000-8000-000000000002', 'filesystem-bbbbbbbbbbbb', 'Adder', 'filesystem', '{}', now() - interval '1 day'),
                      ('00000000-0000-4000-8000-000000000003', 'filesystem-cccccccccccc', 'Other', 'filesystem', null, now())
                    """);
            run(s, SchemaMigrator.MIGRATIONS.get(3));
            List<String> identities = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select coalesce(config ->> 'identity', external_id) from sources order by created_at")) {
                while (rs.next()) {
                    identities.add(rs.getString(1));
                }
            }
            assertEquals("filesystem-bbbbbbbbbbbb", identities.get(0), "the oldest keeps the remote");
            assertEquals("filesystem-bbbbbbbbbbbb#duplicate-00000000-0000-4000-8000-000000000002", identities.get(1));
            assertEquals("filesystem-cccccccccccc", identities.get(2));
            SQLException refused = assertThrows(SQLException.class, () -> s.execute(
                    "update sources set config = '{\"identity\": \"filesystem-cccccccccccc\"}' where name = 'Mover'"));
            assertTrue(refused.getMessage().contains("sources_identity_key"), refused.getMessage());
        }
    }
}
