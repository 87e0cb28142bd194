package org.retrovue.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retrovue.persistence.Catalog;
import org.retrovue.persistence.DatabaseTarget;
import org.retrovue.persistence.SourceRecord;
import org.retrovue.pg.testing.TestPostgres;
import org.retrovue.plugin.filesystem.FilesystemSourceKind;
import org.retrovue.spi.DiscoveredCollection;
import org.retrovue.spi.OptionSpec;
import org.retrovue.spi.OptionType;
import org.retrovue.spi.ScanRequest;
import org.retrovue.spi.ScanResult;
import org.retrovue.spi.ScanSink;
import org.retrovue.spi.SourceConnection;
import org.retrovue.spi.SourceContext;
import org.retrovue.spi.SourceException;
import org.retrovue.spi.SourceKind;
import org.retrovue.spi.SpiVersion;

/**
 * A source's options survive {@code source update} whatever its plugin calls and types its config keys; options are
 * typed and checked before the plugin sees them; an optional one is cleared with ""; the plugin's connect sees only
 * its own config.
 */
class SourceOptionsIT {
    @TempDir
    Path temp;
    private Catalog catalog;
    private SourceService sources;
    private final WhereKind where = new WhereKind();

    @BeforeEach
    void setUp() {
        TestPostgres.Database database = TestPostgres.get().freshDatabase();
        catalog = Catalog.open(new DatabaseTarget(database.url(), database.user(), database.password()));
        sources = new SourceService(() -> catalog, PluginRegistry.of(new FilesystemSourceKind(), where), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        catalog.close();
    }

    /** Stores --location as "where", --depth as a list of levels, and --key (secret) under "k". */
    static final class WhereKind implements SourceKind {
        final AtomicReference<Map<String, Object>> connected = new AtomicReference<>();
        final AtomicReference<Map<String, String>> validated = new AtomicReference<>();

        public String id() { return "where"; }
        public String description() { return "keys of its own"; }
        public List<OptionSpec> options() {
            return List.of(OptionSpec.required("location", OptionType.STRING, "where it is"),
                    OptionSpec.optional("depth", OptionType.INTEGER, "how deep").withRange(1, 9).withDefault("2"),
                    OptionSpec.optional("label", OptionType.STRING, "a label"),
                    OptionSpec.secret("key", "the key"));
        }
        public int spiMajorVersion() { return SpiVersion.MAJOR; }
        public boolean fingerprintMayChangeOnUpdate() { return true; }
        public Map<String, Object> validate(Map<String, String> options) {
            validated.set(options);
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("where", options.get("location").toUpperCase());
            config.put("levels", java.util.stream.IntStream.rangeClosed(1, Integer.parseInt(options.get("depth"))).boxed().toList());
            config.put("k", options.get("key"));
            if (options.containsKey("label")) {
                config.put("tag", options.get("label"));
            }
            return config;
        }
        public SourceConnection connect(Map<String, Object> config, SourceContext context) {
            connected.set(Map.copyOf(config));
            return new SourceConnection() {
                public String fingerprint() { return "w-" + config.get("where"); }
                public List<DiscoveredCollection> collections() { return List.of(); }
                public ScanResult scan(ScanRequest request, ScanSink sink) throws SourceException { return ScanResult.complete(null); }
            };
        }
    }

    private SourceRecord stored(String name) {
        return catalog.read(s -> s.sourcesByName(name).getFirst());
    }

    @Test
    void optionsRoundTripWhateverThePluginCallsItsKeys() {
        sources.add("where", "W", Map.of("location", "here", "depth", "3", "label", "old", "key", "s3cr3t"), List.of("ffprobe"));
        assertEquals(Map.of("where", "HERE", "levels", List.of(1, 2, 3), "k", "s3cr3t", "tag", "old"), where.connected.get(),
                "connect sees the plugin's own config only");
        SourceRecord updated = sources.update("W", Optional.empty(), Map.of("location", "there"), false);
        assertEquals(Map.of("location", "there", "depth", "3", "label", "old", "key", "s3cr3t"), where.validated.get());
        SourceRecord row = stored("W");
        assertEquals("THERE", row.config().get("where"));
        assertEquals("[1, 2, 3]", row.config().get("levels").toString());
        assertEquals(List.of("ffprobe"), row.settings().get("enrichers"));
        assertFalse(row.config().containsKey("enrichers"), "the program's keys are kept apart");
        assertEquals(Secrets.REDACTED, updated.options().get("key"));
        assertEquals(Secrets.REDACTED, updated.config().get("k"), "a secret is hidden by its value whatever its key");
    }

    @Test
    void anOptionalOptionIsClearedWithAnEmptyValueAndARequiredOneCannotBe() {
        sources.add("where", "W", Map.of("location", "here", "depth", "4", "label", "old", "key", "s"), List.of());
        sources.update("W", Optional.empty(), Map.of("label", "", "depth", ""), false);
        SourceRecord row = stored("W");
        assertFalse(row.options().containsKey("label"));
        assertFalse(row.config().containsKey("tag"));
        assertEquals("[1, 2]", row.config().get("levels").toString(), "back to the declared default");
        RetrovueException required = assertThrows(RetrovueException.class, () -> sources.update("W", Optional.empty(), Map.of("location", " "), false));
        assertEquals(ErrorKind.USAGE, required.kind());
        assertEquals("--location is required for type where and cannot be cleared; give a new value", required.getMessage());
    }

    @Test
    void typesAndBoundsAreCheckedBeforeThePluginSeesAValue() {
        where.validated.set(null);
        RetrovueException notNumber = assertThrows(RetrovueException.class,
                () -> sources.add("where", "W", Map.of("location", "x", "depth", "abc", "key", "s"), List.of()));
        assertEquals("--depth: 'abc' is not a whole number; give a whole number from 1 to 9", notNumber.getMessage());
        RetrovueException outOfRange = assertThrows(RetrovueException.class,
                () -> sources.add("where", "W", Map.of("location", "x", "depth", "10", "key", "s"), List.of()));
        assertEquals("--depth: '10' is out of range; give a whole number from 1 to 9", outOfRange.getMessage());
        assertNull(where.validated.get(), "validate never saw them");
        sources.add("where", "W", Map.of("location", "x", "key", "s"), List.of());
        assertEquals("2", where.validated.get().get("depth"), "the declared default");
        assertFalse(stored("W").options().containsKey("depth"), "a default is not stored as the operator's choice");
    }

    @Test
    void aFilesystemSourceAddedWithExtensionsCanBeMoved() throws Exception {
        Path a = Files.createDirectories(temp.resolve("a"));
        Path b = Files.createDirectories(temp.resolve("b"));
        sources.add("filesystem", "F", Map.of("base-path", a.toString(), "extensions", "iso", "follow-links", "yes"), List.of());
        sources.update("F", Optional.empty(), Map.of("base-path", b.toString()), false);
        SourceRecord row = stored("F");
        assertEquals(b.toRealPath().toString(), row.config().get("base_path"));
        assertEquals(List.of("iso"), row.config().get("extensions"));
        assertEquals(true, row.config().get("follow_links"));
        assertEquals(Map.of("base-path", b.toString(), "extensions", "iso", "follow-links", true), row.options());
    }

    @Test
    void aSourceStoredBeforeOptionsWereKeptIsUpdatedFromItsConfig() throws Exception {
        Path a = Files.createDirectories(temp.resolve("a"));
        Path b = Files.createDirectories(temp.resolve("b"));
        sources.add("filesystem", "F", Map.of("base-path", a.toString(), "extensions", "iso,mkv", "follow-links", "yes"), List.of());
        catalog.inTransaction(s -> {
            SourceRecord r = s.sourcesByName("F").getFirst();
            return s.updateSource(r.id(), r.name(), r.config(), null, r.settings());
        });
        sources.update("F", Optional.empty(), Map.of("base-path", b.toString()), false);
        SourceRecord row = stored("F");
        assertEquals(List.of("iso", "mkv"), row.config().get("extensions"));
        assertEquals(true, row.config().get("follow_links"));
        assertEquals("iso,mkv", row.options().get("extensions"));
        assertTrue(row.options().containsKey("base-path"));
    }

    @Test
    void aRenameAloneRecordsTheSecretOptionNamesOfASourceStoredWithout() {
        sources.add("where", "W", Map.of("location", "here", "key", "s3cr3t"), List.of());
        assertEquals(List.of("key"), stored("W").settings().get(Secrets.SETTINGS_KEY));
        catalog.inTransaction(s -> {
            SourceRecord r = s.sourcesByName("W").getFirst();
            Map<String, Object> settings = new LinkedHashMap<>(r.settings());
            settings.remove(Secrets.SETTINGS_KEY); // as stored before the names were kept
            return s.updateSource(r.id(), r.name(), r.config(), r.options(), settings);
        });
        sources.update("W", Optional.of("New"), Map.of(), false);
        assertEquals(List.of("key"), stored("New").settings().get(Secrets.SETTINGS_KEY), "a rename writes them too");
        sources.update("New", Optional.of("Newer"), Map.of(), false);
        assertEquals(List.of("key"), stored("Newer").settings().get(Secrets.SETTINGS_KEY), "and keeps them");
    }
}
