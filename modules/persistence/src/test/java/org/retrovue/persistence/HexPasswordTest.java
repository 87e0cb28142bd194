package org.retrovue.persistence;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * A password that looks like hex ({@code openssl rand -hex 16}) reaches the server as it is: EclipseLink took it for
 * one of its own ciphertexts and failed the persistence unit before connecting (found by CI's pass against an
 * external PostgreSQL 15, whose test role has such a password).
 */
class HexPasswordTest {
    @Test
    void aHexPasswordIsAPasswordNotACiphertext() {
        for (String password : new String[] {"00112233445566778899aabbccddeeff", "0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef"}) {
            DatabaseTarget nowhere = new DatabaseTarget("jdbc:postgresql://127.0.0.1:9/retrovue?connectTimeout=2", "op", password);
            RuntimeException failure = assertThrows(RuntimeException.class, () -> {
                try (EntityManagerFactory emf = Catalog.createFactory(nowhere)) {
                    emf.createEntityManager().close();
                }
            });
            RuntimeException translated = Catalog.translate(failure, nowhere);
            assertInstanceOf(DatabaseUnavailableException.class, translated, () -> "the connection was tried: " + failure);
            assertTrue(translated.getMessage().contains("127.0.0.1:9"), translated.getMessage());
        }
    }
}
