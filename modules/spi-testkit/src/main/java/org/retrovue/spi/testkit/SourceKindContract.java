package org.retrovue.spi.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.retrovue.spi.DiscoveredCollection;
import org.retrovue.spi.OptionSpec;
import org.retrovue.spi.ScanRequest;
import org.retrovue.spi.ScanResult;
import org.retrovue.spi.ScanSink;
import org.retrovue.spi.ScannedItem;
import org.retrovue.spi.SourceConnection;
import org.retrovue.spi.SourceContext;
import org.retrovue.spi.SourceException;
import org.retrovue.spi.SourceKind;
import org.retrovue.spi.SpiVersion;

/**
 * The SPI's contract as tests. Extend it with the provider under test and options that reach a working remote
 * (a temp directory, a test server); every test here then runs against your kind.
 */
public abstract class SourceKindContract {
    /** The provider under test. */
    protected abstract SourceKind kind();

    /** Options (as typed on the command line, without dashes) that validate and reach a working remote. */
    protected abstract Map<String, String> workingOptions();

    /** Options that validate but whose remote cannot be reached or refuses us; null to skip that check. */
    protected abstract Map<String, String> failingOptions();

    /** A context for connections. */
    protected SourceContext context() {
        return testContext();
    }

    /** A plain context (system clock, a logger of its own, no threads lent) for a plugin's other tests. */
    public static SourceContext testContext() {
        return testContext(1, Runnable::run);
    }

    /** The same, lending up to {@code parallelism} tasks at once on {@code executor}, as the program does. */
    public static SourceContext testContext(int parallelism, Executor executor) {
        return new SourceContext() {
            @Override
            public Clock clock() {
                return Clock.systemUTC();
            }

            @Override
            public System.Logger logger() {
                return System.getLogger("org.retrovue.spi.testkit");
            }

            @Override
            public int parallelism() {
                return parallelism;
            }

            @Override
            public Executor executor() {
                return executor;
            }
        };
    }

    @Test
    void declaresAnIdADescriptionAndWellFormedOptions() {
        SourceKind kind = kind();
        assertTrue(kind.id().matches("[a-z][a-z0-9]*"), "id must be lower-case letters and digits: " + kind.id());
        assertFalse(kind.description().isBlank(), "a description for `source list-types`");
        Set<String> names = new HashSet<>();
        for (OptionSpec option : kind.options()) {
            assertTrue(names.add(option.name()), "option declared twice: " + option.name());
            assertFalse(List.of("type", "name", "enrichers", "json", "debug", "help", "force", "no-discover").contains(option.name()),
                    "option " + option.name() + " collides with a flag of the commands");
            assertFalse(option.description().isBlank(), "option " + option.name() + " needs a description");
            if (option.defaultValue() != null) {
                String d = option.defaultValue().strip();
                switch (option.type()) {
                    case INTEGER -> {
                        long n = Long.parseLong(d);
                        assertTrue((option.min() == null || n >= option.min()) && (option.max() == null || n <= option.max()),
                                "the default of " + option.name() + " is out of its range");
                    }
                    case BOOLEAN -> assertTrue(List.of("yes", "no", "true", "false", "on", "off").contains(d.toLowerCase(java.util.Locale.ROOT)),
                            "the default of " + option.name() + " is not yes or no");
                    case CHOICE -> assertTrue(option.choices().stream().anyMatch(c -> c.equalsIgnoreCase(d)),
                            "the default of " + option.name() + " is not one of its choices");
                    default -> { }
                }
            }
        }
    }

    @Test
    void isBuiltForThisSpi() {
        assertEquals(SpiVersion.MAJOR, kind().spiMajorVersion());
    }

    @Test
    void validationGivesJsonCompatibleConfigWithSecretsUnderTheirKey() throws SourceException {
        Map<String, Object> config = kind().validate(workingOptions());
        assertNotNull(config);
        config.forEach((key, value) -> assertJsonCompatible(key, value));
        for (OptionSpec option : kind().options()) {
            String given = workingOptions().get(option.name());
            if (option.secret() && given != null) {
                // RetroVue hides a secret in the config by its key (the option's name, or with '_') or by its value
                boolean byKey = config.containsKey(option.name()) || config.containsKey(option.name().replace('-', '_'));
                boolean byValue = config.values().stream().anyMatch(v -> v instanceof String text && text.strip().equals(given.strip()));
                assertTrue(byKey || byValue, "secret option " + option.name() + " must be stored as given (a top-level text value) or under "
                        + option.name().replace('-', '_') + ", so it is redacted");
            }
        }
    }

    @Test
    void missingRequiredOptionsAreInvalidConfigurationOnOneLine() {
        for (OptionSpec option : kind().options()) {
            if (!option.required()) {
                continue;
            }
            Map<String, String> without = new java.util.HashMap<>(workingOptions());
            without.remove(option.name());
            SourceException e = assertThrows(SourceException.class, () -> kind().validate(without), "without --" + option.name());
            assertEquals(SourceException.Code.INVALID_CONFIG, e.code());
            assertOneLineWithoutSecrets(e);
        }
    }

    @Test
    void theFingerprintIsStableAndCollectionsAreWellFormed() throws SourceException {
        Map<String, Object> config = kind().validate(workingOptions());
        try (SourceConnection first = kind().connect(config, context()); SourceConnection second = kind().connect(config, context())) {
            String fingerprint = first.fingerprint();
            assertFalse(fingerprint == null || fingerprint.isBlank(), "a fingerprint");
            assertEquals(fingerprint, second.fingerprint(), "the same remote gives the same fingerprint");
            Set<String> ids = new HashSet<>();
            for (DiscoveredCollection collection : first.collections()) {
                assertFalse(collection.externalId().isBlank(), "collection external ids are not blank");
                assertTrue(ids.add(collection.externalId()), "collection external ids are unique: " + collection.externalId());
                assertFalse(collection.name().isBlank(), "collections have names");
                collection.config().forEach((key, value) -> assertJsonCompatible(key, value));
            }
        }
    }

    /**
     * Scans stream well-formed items: keys not blank and unique in a collection, a remote path each; a second scan
     * of an unchanged remote gives the same keys, sizes and times (or says the collection is unchanged), which is
     * what incremental ingest relies on. Skipped for kinds that cannot scan (built for SPI 1.1).
     */
    @Test
    void scansStreamWellFormedItemsAndAreStable() throws SourceException {
        Map<String, Object> config = kind().validate(workingOptions());
        try (SourceConnection connection = kind().connect(config, context())) {
            for (DiscoveredCollection collection : connection.collections()) {
                Map<String, String> first = new java.util.TreeMap<>();
                ScanResult result;
                try {
                    result = connection.scan(new ScanRequest(collection, null), sinkInto(first, collection));
                } catch (SourceException e) {
                    if (e.getMessage() != null && e.getMessage().contains("cannot scan")) {
                        return;
                    }
                    throw e;
                }
                assertNotNull(result, "scan returns how it ended");
                assertFalse(result.unchanged(), "without a previous version a scan lists its items");
                Map<String, String> second = new java.util.TreeMap<>();
                ScanResult again = connection.scan(new ScanRequest(collection, result.version()), sinkInto(second, collection));
                if (!again.unchanged()) {
                    assertEquals(first, second, "an unchanged remote scans the same (keys, sizes, times) in " + collection.name());
                }
            }
        }
    }

    private static ScanSink sinkInto(Map<String, String> items, DiscoveredCollection collection) {
        return new ScanSink() {
            @Override
            public void item(ScannedItem item) {
                assertFalse(item.key().isBlank(), "item keys are not blank");
                assertFalse(item.remotePath().isBlank(), "items have a remote path");
                String previous = items.put(item.key(), item.size() + "@" + item.modified());
                assertTrue(previous == null, "item keys are unique in " + collection.name() + ": " + item.key());
            }

            @Override
            public void warning(String message) {
                assertFalse(message == null || message.isBlank(), "warnings say something");
            }
        };
    }

    @Test
    void failuresAreSpiExceptionsOnOneLineWithoutSecrets() throws SourceException {
        Map<String, String> failing = failingOptions();
        if (failing == null) {
            return;
        }
        Map<String, Object> config = kind().validate(failing);
        try (SourceConnection connection = kind().connect(config, context())) {
            connection.fingerprint();
            connection.collections();
            fail("the failing options reached a working remote");
        } catch (SourceException e) {
            assertOneLineWithoutSecrets(e);
        } catch (RuntimeException e) {
            fail("failures must be SourceExceptions, not " + e);
        }
    }

    private void assertOneLineWithoutSecrets(SourceException e) {
        assertNotNull(e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
        for (OptionSpec option : kind().options()) {
            for (Map<String, String> options : new java.util.ArrayList<>(java.util.Arrays.asList(workingOptions(), failingOptions()))) {
                String secret = options == null ? null : options.get(option.name());
                if (option.secret() && secret != null && !secret.isBlank()) {
                    assertFalse(e.getMessage().contains(secret), "the message holds the secret " + option.name() + ": " + e.getMessage());
                }
            }
        }
    }

    private static void assertJsonCompatible(String key, Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return;
        }
        if (value instanceof List<?> list) {
            list.forEach(item -> assertJsonCompatible(key, item));
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                assertTrue(k instanceof String, key + " has a non-string key");
                assertJsonCompatible(key + "." + k, v);
            });
            return;
        }
        fail(key + " is not JSON-compatible: " + value.getClass().getName());
    }
}
