package org.retrovue.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.retrovue.plugin.filesystem.FilesystemSourceKind;

class SourceRulesTest {
    @Test
    void externalIdsAreTheKindAndTwelveHexDigitsOfTheFingerprintsSha256() {
        String id = ExternalIds.of("filesystem", "/media/movies");
        assertEquals("filesystem-6c1bf2b43647", id); // sha256 of "/media/movies", computed outside Java
        assertEquals(id, ExternalIds.of("filesystem", "/media/movies"));
        assertTrue(!id.equals(ExternalIds.of("filesystem", "/media/movies2")));
    }

    @Test
    void enricherListsAreOrderedCheckedAndClearable() {
        assertEquals(List.of("loudness", "ffprobe"), Enrichers.parse(" Loudness , ffprobe "));
        assertEquals(List.of(), Enrichers.parse(""));
        RetrovueException unknown = assertThrows(RetrovueException.class, () -> Enrichers.parse("ffprobe,color"));
        assertEquals(ErrorKind.USAGE, unknown.kind());
        assertEquals("unknown enricher 'color'; known enrichers: ffprobe, loudness", unknown.getMessage());
        assertThrows(RetrovueException.class, () -> Enrichers.parse("ffprobe,ffprobe"));
        assertEquals(List.of(), Enrichers.parse("  "));
        for (String slip : new String[] {",,", "ffprobe,,loudness", "ffprobe,"}) {
            RetrovueException empty = assertThrows(RetrovueException.class, () -> Enrichers.parse(slip), slip);
            assertEquals(ErrorKind.USAGE, empty.kind());
            assertTrue(empty.getMessage().contains("has an empty item"), empty.getMessage());
        }
    }

    @Test
    void secretsAreRedactedByDeclarationAndByLook() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("base_path", "/media");
        config.put("token", "abc");
        config.put("api_key", "k");
        config.put("db_password", "p");
        config.put("empty_secret", null);
        Map<String, Object> shown = Secrets.redact(config, Optional.of(new FilesystemSourceKind()));
        assertEquals("/media", shown.get("base_path"));
        assertEquals(Secrets.REDACTED, shown.get("token"));
        assertEquals(Secrets.REDACTED, shown.get("api_key"));
        assertEquals(Secrets.REDACTED, shown.get("db_password"));
        assertEquals(null, shown.get("empty_secret"));
    }

    @Test
    void theDataDirectoryFollowsTheEnvironment() {
        assertEquals(Path.of("/srv/rv"), AppPaths.fromEnvironment(Map.of("RETROVUE_DATA_DIR", "/srv/rv")).dataDir());
        assertEquals(Path.of("/x/retrovue"), AppPaths.fromEnvironment(Map.of("XDG_DATA_HOME", "/x")).dataDir());
        assertEquals(Path.of(System.getProperty("user.home"), ".local/share/retrovue"), AppPaths.fromEnvironment(Map.of()).dataDir());
    }

    @Test
    void theRegistryFindsTheFilesystemKindAndSaysWhichKindsExist() {
        PluginRegistry registry = PluginRegistry.load(List.of(Path.of("/nonexistent")));
        assertTrue(registry.find("filesystem").isPresent());
        assertTrue(registry.problems().isEmpty(), registry.problems().toString());
    }

    @Test
    void aDatabaseUrlIsTakenFromTheEnvironment() {
        DatabaseLocator locator = new DatabaseLocator(Map.of("RETROVUE_DATABASE_URL", "postgresql://db.example:5433/rv",
                "RETROVUE_DATABASE_USER", "rv", "RETROVUE_DATABASE_PASSWORD", "s3cret"), new AppPaths(Path.of("/tmp/x")));
        var target = locator.external().orElseThrow();
        assertEquals("jdbc:postgresql://db.example:5433/rv", target.jdbcUrl());
        assertEquals("db.example:5433", target.hostAndPort());
        assertTrue(!target.toString().contains("s3cret"));
        assertThrows(RetrovueException.class, () -> new DatabaseLocator(Map.of("RETROVUE_DATABASE_URL", "mysql://x"), new AppPaths(Path.of("/tmp"))).external());
    }
}
