package org.retrovue.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.retrovue.persistence.DatabaseTarget;

class DatabaseUrlTest {
    @Test
    void theManagedServicesFormGivesItsUserAndPasswordToTheTargetNotToTheUrl() {
        DatabaseUrl url = DatabaseUrl.parse("V", "postgresql://alice:s3cr%40t+x@db.example:5433/rv?sslmode=require");
        assertEquals("jdbc:postgresql://db.example:5433/rv?sslmode=require", url.jdbcUrl());
        assertEquals(Optional.of("alice"), url.user());
        assertEquals(Optional.of("s3cr@t+x"), url.password());
        assertEquals("jdbc:postgresql://127.0.0.1/db", DatabaseUrl.parse("V", "postgres://127.0.0.1/db").jdbcUrl());
        assertEquals("jdbc:postgresql://[::1]:5432/db", DatabaseUrl.parse("V", "postgresql://[::1]:5432/db").jdbcUrl());
        assertEquals("jdbc:postgresql://h:5432/retrovue", DatabaseUrl.parse("V", "jdbc:postgresql://h:5432/retrovue").jdbcUrl());
        assertEquals("jdbc:postgresql://a:5432,b:5432/rv", DatabaseUrl.parse("V", "jdbc:postgresql://a:5432,b:5432/rv").jdbcUrl());
    }

    @Test
    void variablesWinOverTheUrlsUserAndPassword() {
        AppPaths paths = new AppPaths(Path.of("/tmp"));
        DatabaseTarget fromUrl = new DatabaseLocator(Map.of("RETROVUE_DATABASE_URL", "postgresql://alice:pw@h/rv"), paths).external().orElseThrow();
        assertEquals("alice", fromUrl.user());
        assertEquals("pw", fromUrl.password());
        assertFalse(fromUrl.jdbcUrl().contains("pw"));
        DatabaseTarget overridden = new DatabaseLocator(Map.of("RETROVUE_DATABASE_URL", "postgresql://alice:pw@h/rv",
                "RETROVUE_DATABASE_USER", "bob", "RETROVUE_DATABASE_PASSWORD", "other"), paths).external().orElseThrow();
        assertEquals("bob", overridden.user());
        assertEquals("other", overridden.password());
    }

    @Test
    void aMalformedUrlIsAUsageErrorThatNeverRepeatsThePassword() {
        assertMalformed("jdbc:postgresql://127.0.0.1:abc/retrovue", "has a port that is not a number");
        assertMalformed("postgresql://u:hunter2@127.0.0.1:abc/retrovue", "has a port that is not a number");
        assertMalformed("postgresql://u:hunter2@db.example:5432", "names no database");
        assertMalformed("postgresql://u:hunter2@:5432/db", "names no host");
        assertMalformed("postgresql://u:hunter2@h:70000/db", "has a port outside 1-65535");
        assertMalformed("mysql://u:hunter2@h/db", "must look like postgresql://");
        assertMalformed("postgresql://u:hunter2@h/db with space", "is not a valid URL");
    }

    private static void assertMalformed(String url, String why) {
        RetrovueException e = assertThrows(RetrovueException.class, () -> DatabaseUrl.parse("RETROVUE_DATABASE_URL", url));
        assertEquals(ErrorKind.USAGE, e.kind());
        assertTrue(e.getMessage().startsWith("RETROVUE_DATABASE_URL " + why), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }
}
