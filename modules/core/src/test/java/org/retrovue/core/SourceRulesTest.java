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

class SourceRulesTest {
    @Test
    void externalIdsAreTheKindAndTwelveHexDigitsOfTheFingerprintsSha256() {
        String id = ExternalIds.of("filesystem", "/media/movies");
        assertEquals("filesystem-6c1bf2b43647", id); // sha256 of "/media/movies", computed outside Java
        assertEquals(id, ExternalIds.of("filesystem", "/media/movies"));
        assertTrue(!id.equals(ExternalIds.of("filesystem", "/media/movies2")));
    }

    @Test
    void enricherListsAreOrderedCheckedAgainstTheInstalledOnesAndClearable() {
        PluginRegistry registry = PluginRegistry.of().withEnrichers(new FakeEnricher("ffprobe", null), new FakeEnricher("loudness", null));
        assertEquals(List.of("loudness", "ffprobe"), Enrichers.parse(" Loudness , ffprobe ", registry).names());
        assertEquals(List.of(), Enrichers.parse("", registry).names());
        RetrovueException unknown = assertThrows(RetrovueException.class, () -> Enrichers.parse("ffprobe,color", registry));
        assertEquals(ErrorKind.USAGE, unknown.kind());
        assertEquals("unknown enricher 'color'; installed enrichers: ffprobe, loudness", unknown.getMessage());
        assertEquals("unknown enricher 'loudness'; installed enrichers: ffprobe", assertThrows(RetrovueException.class,
                () -> Enrichers.parse("loudness", PluginRegistry.of().withEnrichers(new FakeEnricher("ffprobe", null)))).getMessage(),
                "a name is known only when an installed enricher has it");
        assertEquals("unknown enricher 'ffprobe'; no enricher is installed",
                assertThrows(RetrovueException.class, () -> Enrichers.parse("ffprobe", PluginRegistry.of())).getMessage());
        assertThrows(RetrovueException.class, () -> Enrichers.parse("ffprobe,ffprobe", registry));
        assertEquals(List.of(), Enrichers.parse("  ", registry).names());
        for (String slip : new String[] {",,", "ffprobe,,loudness", "ffprobe,"}) {
            RetrovueException empty = assertThrows(RetrovueException.class, () -> Enrichers.parse(slip, registry), slip);
            assertEquals(ErrorKind.USAGE, empty.kind());
            assertTrue(empty.getMessage().contains("has an empty item"), empty.getMessage());
        }
    }

    @Test
    void anInstalledEnricherThatCannotRunHereIsAcceptedWithOneWarningLine() {
        PluginRegistry registry = PluginRegistry.of().withEnrichers(new FakeEnricher("ffprobe", "ffprobe is not installed:\n  install ffmpeg"),
                new FakeEnricher("loudness", null));
        Enrichers.Choice choice = Enrichers.parse("loudness,ffprobe", registry);
        assertEquals(List.of("loudness", "ffprobe"), choice.names());
        assertEquals(List.of("enricher 'ffprobe' cannot run on this machine: ffprobe is not installed: install ffmpeg"), choice.warnings());
        assertEquals(List.of(), Enrichers.parse("loudness", registry).warnings());
    }

    /** A kind with a secret stored under a key of its own naming, and a non-secret option called token. */
    private static org.retrovue.spi.SourceKind keyKind() {
        return new org.retrovue.spi.SourceKind() {
            public String id() { return "keys"; }
            public String description() { return "keys"; }
            public List<org.retrovue.spi.OptionSpec> options() {
                return List.of(org.retrovue.spi.OptionSpec.secret("access-key", "the key"),
                        org.retrovue.spi.OptionSpec.optional("token", org.retrovue.spi.OptionType.STRING, "a label, not a secret"));
            }
            public int spiMajorVersion() { return 1; }
            public Map<String, Object> validate(Map<String, String> options) { return Map.of(); }
            public org.retrovue.spi.SourceConnection connect(Map<String, Object> config, org.retrovue.spi.SourceContext context) { return null; }
        };
    }

    @Test
    void secretsAreRedactedByDeclarationNotByName() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("access-key", "s3cr3t");
        options.put("token", "blue");
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("credentials", Map.of("k", "v"));
        config.put("where_the_key_is", "s3cr3t");
        config.put("token", "blue");
        config.put("api_key", "not declared");
        var kind = Optional.of(keyKind());
        Map<String, Object> shownOptions = Secrets.redactOptions(options, kind, Map.of());
        assertEquals(Secrets.REDACTED, shownOptions.get("access-key"));
        assertEquals("blue", shownOptions.get("token"), "a non-secret option called token is shown");
        Map<String, Object> shownConfig = Secrets.redactConfig(config, kind, options, Map.of());
        assertEquals(Secrets.REDACTED, shownConfig.get("where_the_key_is"), "found by the declared option's value, whatever its key");
        assertEquals("blue", shownConfig.get("token"));
        assertEquals("not declared", shownConfig.get("api_key"));

        // the kind uninstalled: the declaration stored with the source still holds
        Map<String, Object> settings = Map.of("secret_options", List.of("access-key"));
        assertEquals(Secrets.REDACTED, Secrets.redactConfig(config, Optional.empty(), options, settings).get("where_the_key_is"));
        assertEquals("blue", Secrets.redactOptions(options, Optional.empty(), settings).get("token"));
        // stored before declarations were kept, and uninstalled: names that look secret are hidden, to be safe
        assertEquals(Secrets.REDACTED, Secrets.redactConfig(config, Optional.empty(), null, Map.of()).get("token"));
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
