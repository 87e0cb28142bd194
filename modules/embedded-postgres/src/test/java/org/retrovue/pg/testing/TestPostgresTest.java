package org.retrovue.pg.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Test databases live beside the admin database of RETROVUE_TEST_DATABASE_URL, with its parameters. */
class TestPostgresTest {
    @Test
    void aTestDatabaseKeepsTheHostAndTheParametersOfTheAdminUrl() {
        assertEquals("jdbc:postgresql://127.0.0.1:5432/test_a", TestPostgres.of("jdbc:postgresql://127.0.0.1:5432/postgres", "u", "p").urlOf("test_a"));
        assertEquals("jdbc:postgresql://db/test_a?sslmode=verify-full&sslrootcert=/etc/ssl/root.crt",
                TestPostgres.of("jdbc:postgresql://db/postgres?sslmode=verify-full&sslrootcert=/etc/ssl/root.crt", "u", "p").urlOf("test_a"));
        assertThrows(IllegalStateException.class, () -> TestPostgres.of("jdbc:postgresql://db:5432", "u", "p"));
    }
}
