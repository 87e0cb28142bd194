package org.retrovue.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The advice of a lost database fits the database in use (security issue, item 12). */
class UnavailableMessageTest {
    private static final DatabaseTarget EXTERNAL = new DatabaseTarget("jdbc:postgresql://db.example:5433/retrovue", "op", "pw");
    private static final DatabaseTarget EMBEDDED = new DatabaseTarget("jdbc:postgresql://127.0.0.1:40533/retrovue", "postgres", "pw", true);

    @Test
    void theEmbeddedServerPointsAtDbStatusNotAtTheUrlVariable() {
        for (String state : new String[] {"08006", "08001", "57P01", "28P01", "3D000"}) {
            String message = ((DatabaseUnavailableException) Catalog.translate(new SQLException("gone", state), EMBEDDED)).getMessage();
            assertTrue(message.contains("`retrovue db status`"), message);
            assertFalse(message.contains("RETROVUE_DATABASE"), message);
        }
    }

    @Test
    void anExternalDatabasePointsAtItsVariables() {
        for (String state : new String[] {"08006", "57P01", "3D000"}) {
            String message = ((DatabaseUnavailableException) Catalog.translate(new SQLException("gone", state), EXTERNAL)).getMessage();
            assertTrue(message.contains("RETROVUE_DATABASE_URL") && message.contains("db.example:5433"), message);
        }
        String login = Catalog.translate(new SQLException("no", "28P01"), EXTERNAL).getMessage();
        assertTrue(login.contains("RETROVUE_DATABASE_PASSWORD"), login);
    }
}
