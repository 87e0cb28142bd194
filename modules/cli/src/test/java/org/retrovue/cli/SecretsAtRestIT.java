package org.retrovue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retrovue.fakeplex.FakePlexServer;
import org.retrovue.fakeplex.Library;

/** Tokens are stored encrypted under a key outside the database; a wrong key is one error line. */
class SecretsAtRestIT {
    private static final String TOKEN = "plex-token-kept-encrypted";

    @TempDir
    Path temp;
    private FakePlexServer plex;
    private CliHarness cli;

    @BeforeEach
    void setUp() {
        plex = FakePlexServer.builder().token(TOKEN).library(Library.Type.MOVIE, "Movies", 2, "/data/movies").build().start();
        cli = new CliHarness(temp.resolve("data")).neverShowing(TOKEN);
    }

    @AfterEach
    void tearDown() {
        plex.close();
    }

    private String storedConfig() throws Exception {
        Map<String, String> env = cli.environment();
        try (Connection c = DriverManager.getConnection(env.get("RETROVUE_DATABASE_URL"), env.get("RETROVUE_DATABASE_USER"), env.get("RETROVUE_DATABASE_PASSWORD"));
             ResultSet rows = c.createStatement().executeQuery("select config::text from sources")) {
            assertTrue(rows.next());
            return rows.getString(1);
        }
    }

    private void storePlain() throws Exception {
        Map<String, String> env = cli.environment();
        try (Connection c = DriverManager.getConnection(env.get("RETROVUE_DATABASE_URL"), env.get("RETROVUE_DATABASE_USER"), env.get("RETROVUE_DATABASE_PASSWORD"))) {
            c.createStatement().executeUpdate("update sources set config = jsonb_set(config, '{token}', '\"" + TOKEN + "\"')");
        }
    }

    @Test
    void theDatabaseHoldsNoUsableTokenAndTheSourceStillWorks() throws Exception {
        cli.ok("source", "add", "--type", "plex", "--name", "P", "--base-url", plex.baseUrl(), "--token", TOKEN, "--json");
        String stored = storedConfig();
        assertFalse(stored.contains(TOKEN), stored);
        assertTrue(stored.contains("\"token\": \"enc:v1:"), stored);
        Path key = temp.resolve("data/secret.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals(0, cli.run("source", "discover", "P").code(), "the plugin gets the token back");
        assertEquals(0, cli.run("source", "update", "P", "--base-url", plex.baseUrl()).code(), "an update keeps the stored token");
    }

    @Test
    void aWrongKeyIsOneErrorLineAndShowStillWorks() throws Exception {
        cli.ok("source", "add", "--type", "plex", "--name", "P", "--base-url", plex.baseUrl(), "--token", TOKEN, "--json");
        cli.env("RETROVUE_SECRET_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        CliHarness.Result r = cli.run("source", "discover", "P");
        assertEquals(1, r.code(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().startsWith("error: the secrets of source 'P' cannot be decrypted (it was stored with another key than RETROVUE_SECRET_KEY)"), r::toString);
        assertEquals(0, cli.run("source", "show", "P").code());
        assertEquals(0, cli.run("source", "update", "P", "--token", TOKEN).code(), "giving the token again stores it under this key");
        assertEquals(0, cli.run("source", "discover", "P").code());
        cli.env("RETROVUE_SECRET_KEY", "short");
        CliHarness.Result bad = cli.run("source", "discover", "P");
        assertEquals(2, bad.code(), bad::toString);
        assertTrue(bad.err().startsWith("error: RETROVUE_SECRET_KEY must be the base64 of 32 bytes"), bad::toString);
    }

    @Test
    void aTokenStoredBeforeEncryptionStillWorksAndIsEncryptedAtTheSourcesNextChange() throws Exception {
        cli.ok("source", "add", "--type", "plex", "--name", "P", "--base-url", plex.baseUrl(), "--token", TOKEN, "--json");
        storePlain();
        assertTrue(storedConfig().contains(TOKEN));
        assertEquals(0, cli.run("source", "discover", "P").code());
        assertEquals(0, cli.run("source", "update", "P", "--name", "Q").code());
        assertFalse(storedConfig().contains(TOKEN), storedConfig());
    }

    private String stored(String sql) throws Exception {
        Map<String, String> env = cli.environment();
        try (Connection c = DriverManager.getConnection(env.get("RETROVUE_DATABASE_URL"), env.get("RETROVUE_DATABASE_USER"), env.get("RETROVUE_DATABASE_PASSWORD"));
             ResultSet rows = c.createStatement().executeQuery(sql)) {
            assertTrue(rows.next());
            return rows.getString(1);
        }
    }

    /**
     * Secrets a RetroVue before ADR 0010 stored in plain text are sealed, all at once, by the next command that
     * opens the catalogue with the key at hand (not at each source's next change); those of a source whose type is
     * not installed stay plain, and db status counts and names them.
     */
    @Test
    void plainSecretsAreSealedInOnePassWhenTheCatalogueOpens() throws Exception {
        cli.ok("source", "add", "--type", "plex", "--name", "P", "--base-url", plex.baseUrl(), "--token", TOKEN, "--json");
        String updatedAt = stored("select updated_at::text from sources");
        Map<String, String> env = cli.environment();
        try (Connection c = DriverManager.getConnection(env.get("RETROVUE_DATABASE_URL"), env.get("RETROVUE_DATABASE_USER"), env.get("RETROVUE_DATABASE_PASSWORD"))) {
            c.createStatement().executeUpdate("update sources set config = jsonb_set(config, '{token}', '\"" + TOKEN + "\"'),"
                    + " options = jsonb_set(options, '{token}', '\"" + TOKEN + "\"')");
            c.createStatement().executeUpdate("""
                    insert into sources (id, external_id, name, kind, config, options, settings) values
                      ('00000000-0000-4000-8000-000000000009', 'webdav-aaaaaaaaaaaa', 'J', 'webdav',
                       '{"url": "http://j", "api_key": "jelly-plain"}', '{"url": "http://j", "api-key": "jelly-plain"}',
                       '{"secret_options": ["api-key"]}')""");
        }
        assertTrue(stored("select config::text || options::text from sources where name = 'P'").contains(TOKEN));
        assertEquals(2, cli.ok("db", "status", "--json").get("plain_secrets").asInt(), "db status opens no catalogue, so seals nothing");

        assertEquals(0, cli.run("source", "list").code());
        String sealed = stored("select config::text || options::text from sources where name = 'P'");
        assertFalse(sealed.contains(TOKEN), sealed);
        assertTrue(sealed.contains("\"token\": \"enc:v1:"), sealed);
        assertEquals(updatedAt, stored("select updated_at::text from sources where name = 'P'"), "the operator changed nothing");
        assertTrue(stored("select config::text from sources where name = 'J'").contains("jelly-plain"), "its type is not installed");
        assertEquals(1, cli.ok("db", "status", "--json").get("plain_secrets").asInt());
        CliHarness.Result text = cli.run("db", "status");
        assertTrue(text.out().contains("plain_secrets:            1 (left plain while their type is not installed: 'J')"), text::toString);

        assertEquals(0, cli.run("source", "status", "P").code(), "the plugin gets the token back");
        assertEquals(0, cli.run("source", "update", "P", "--name", "Q").code());
        assertEquals(0, cli.run("source", "discover", "Q").code());
        assertFalse(stored("select config::text || options::text from sources where name = 'Q'").contains(TOKEN));
    }
}
