package org.retrovue.spi.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.module.ModuleDescriptor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
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
import org.retrovue.spi.SourceHealth;
import org.retrovue.spi.SourceKind;
import org.retrovue.spi.SpiVersion;

/**
 * The SPI's contract as tests. Extend it with the provider under test and options that reach a working remote
 * holding at least one item (a temp directory with a media file, a test server); every test here then runs
 * against your kind. A check your test gives no means to make (no failing options, no way to break the remote,
 * no option to change) is reported as skipped, with the reason: skipped is not passed.
 */
public abstract class SourceKindContract {
    /** The provider under test. */
    protected abstract SourceKind kind();

    /**
     * Options (as typed on the command line, without dashes) that validate and reach a working remote with at
     * least one collection and at least one item in it: the scan checks fail when there is nothing to compare.
     */
    protected abstract Map<String, String> workingOptions();

    /**
     * Options that validate but whose remote cannot be reached or refuses us (a wrong token); null when there are
     * none, and the failure check then breaks the working remote with {@link #breakRemote()} instead.
     */
    protected abstract Map<String, String> failingOptions();

    /**
     * Makes the remote of {@link #workingOptions()} fail from now on (delete the folder, make the test server
     * answer errors), for the checks of failures during discovery and scans. Returns false, the default, when your
     * test cannot, and those checks are skipped.
     */
    protected boolean breakRemote() {
        return false;
    }

    /**
     * One or more options with new valid values, as given to {@code source update}, for the check that an update
     * keeps the options it does not change; null, the default, skips that check.
     */
    protected Map<String, String> changedOptions() {
        return null;
    }

    /**
     * How long {@link SourceConnection#health()} (and {@code displayName()}) may take before its check fails:
     * RetroVue gives up on a health check after 60 s, the default. A test whose remote answers at once may lower it.
     */
    protected Duration answerWithin() {
        return Duration.ofSeconds(60);
    }

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
        List<OptionSpec> required = kind().options().stream().filter(OptionSpec::required).toList();
        assumeTrue(!required.isEmpty(), "the kind has no required option to leave out");
        for (OptionSpec option : required) {
            Map<String, String> without = new HashMap<>(workingOptions());
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
            List<DiscoveredCollection> collections = first.collections();
            assertFalse(collections.isEmpty(), "workingOptions() must reach a remote with at least one collection");
            Set<String> ids = new HashSet<>();
            for (DiscoveredCollection collection : collections) {
                assertFalse(collection.externalId().isBlank(), "collection external ids are not blank");
                assertTrue(ids.add(collection.externalId()), "collection external ids are unique: " + collection.externalId());
                assertFalse(collection.name().isBlank(), "collections have names");
                collection.config().forEach((key, value) -> assertJsonCompatible(key, value));
            }
        }
    }

    /**
     * Scans stream well-formed items: keys not blank and unique in a collection, a remote path each; a second scan
     * of an unchanged remote gives the same keys, sizes and times, which is what incremental ingest relies on. When
     * the second scan answers "unchanged" (it may, given the first one's version), a third scan without a version
     * lists the items to compare. A kind that cannot scan, or a remote with no item, fails: there is nothing to
     * compare, and RetroVue could ingest nothing from it.
     */
    @Test
    void scansStreamWellFormedItemsAndAreStable() throws SourceException {
        Map<String, Object> config = kind().validate(workingOptions());
        int seen = 0;
        try (SourceConnection connection = kind().connect(config, context())) {
            for (DiscoveredCollection collection : connection.collections()) {
                Map<String, String> first = new TreeMap<>();
                ScanResult result = connection.scan(new ScanRequest(collection, null), sinkInto(first, collection));
                assertNotNull(result, "scan returns how it ended");
                assertFalse(result.unchanged(), "without a previous version a scan lists its items");
                seen += first.size();
                Map<String, String> second = new TreeMap<>();
                ScanResult again = connection.scan(new ScanRequest(collection, result.version()), sinkInto(second, collection));
                assertNotNull(again, "scan returns how it ended");
                if (again.unchanged()) {
                    second.clear();
                    assertFalse(connection.scan(new ScanRequest(collection, null), sinkInto(second, collection)).unchanged(),
                            "without a previous version a scan lists its items");
                }
                assertEquals(first, second, "an unchanged remote scans the same (keys, sizes, times) in " + collection.name());
            }
        }
        assertTrue(seen > 0, "workingOptions() must reach a remote with at least one item: the scan checks compare nothing otherwise");
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

    /** Discovery against a remote that cannot be reached or refuses us fails with a SourceException (what the operator reads). */
    @Test
    void failuresAreSpiExceptionsOnOneLineWithoutSecrets() throws SourceException {
        Map<String, String> failing = failingOptions();
        Map<String, Object> config;
        if (failing != null) {
            config = kind().validate(failing);
        } else {
            config = kind().validate(workingOptions());
            assumeTrue(breakRemote(), "failingOptions() gives none and breakRemote() cannot break the working remote: override one of them");
        }
        try (SourceConnection connection = kind().connect(config, context())) {
            connection.fingerprint();
            connection.collections();
            fail(failing != null ? "the failing options reached a working remote" : "discovery succeeded after breakRemote()");
        } catch (SourceException e) {
            assertOneLineWithoutSecrets(e);
        } catch (RuntimeException e) {
            fail("failures must be SourceExceptions, not " + e);
        }
    }

    /** A scan whose remote broke after discovery fails with a SourceException (what `collection ingest` prints). */
    @Test
    void scanFailuresAreSpiExceptionsOnOneLineWithoutSecrets() throws SourceException {
        Map<String, Object> config = kind().validate(workingOptions());
        try (SourceConnection connection = kind().connect(config, context())) {
            List<DiscoveredCollection> collections = connection.collections();
            assertFalse(collections.isEmpty(), "workingOptions() must reach a remote with at least one collection");
            assumeTrue(breakRemote(), "breakRemote() cannot break the working remote: override it to check scan failures");
            try {
                connection.scan(new ScanRequest(collections.getFirst(), null), sinkInto(new TreeMap<>(), collections.getFirst()));
                fail("a scan succeeded after breakRemote()");
            } catch (SourceException e) {
                assertOneLineWithoutSecrets(e);
            } catch (RuntimeException e) {
                fail("scan failures must be SourceExceptions, not " + e);
            }
        }
    }

    /**
     * What {@code source list-types} and {@code source add --type ID --help} show of the kind, each on one line: its
     * description, each option's description, and its example, whose flags must be options the kind declares (or the
     * {@code --NAME-file} form the program gives a secret option).
     */
    @Test
    void listTypesShowsOneLineDetails() {
        SourceKind kind = kind();
        assertOneLine("description()", kind.description());
        for (OptionSpec option : kind.options()) {
            assertOneLine("the description of option " + option.name(), option.description());
        }
        String example = kind.example();
        if (example != null) {
            assertOneLine("example()", example);
            Set<String> declared = new HashSet<>();
            for (OptionSpec option : kind.options()) {
                declared.add(option.name());
                if (option.secret()) {
                    declared.add(option.name() + "-file"); // the program gives every secret option a --NAME-file form
                }
            }
            Matcher flags = Pattern.compile("(?<![\\w-])--([a-z][a-z0-9-]*)").matcher(example);
            while (flags.find()) {
                assertTrue(declared.contains(flags.group(1)), "example() uses --" + flags.group(1) + ", which the kind does not declare: " + example);
            }
        }
    }

    /**
     * The VERSION column of {@code source list-types} is the version of the plugin's module. Only a kind loaded as
     * shipped ({@link PluginUnderTest}) has its module; on the class path the check is skipped.
     */
    @Test
    void listTypesShowsTheModulesVersion() {
        Module module = kind().getClass().getModule();
        assumeTrue(module.isNamed(), "the kind is on the class path, where list-types' version cannot be seen: load the built plugin with PluginUnderTest");
        ModuleDescriptor descriptor = module.getDescriptor();
        assertTrue(descriptor.rawVersion().isPresent(), "module " + module.getName() + " has no version, so `source list-types` shows '-':"
                + " build it with maven-compiler-plugin (it records the project's version) or `jar --module-version`");
    }

    /** How messages name the remote: not blank, one line, no secret; the default (the fingerprint) is checked too. */
    @Test
    void theDisplayNameIsOneLineWithoutSecrets() throws SourceException {
        List<String> secrets = secretValues();
        Map<String, Object> config = kind().validate(workingOptions());
        try (SourceConnection connection = kind().connect(config, context())) {
            String name = within("displayName()", connection::displayName);
            assertFalse(name == null || name.isBlank(), "displayName() of a working remote is not blank");
            assertOneLineWithoutSecrets("displayName()", name, secrets);
        }
    }

    /**
     * What discovery left out ({@code collections(warnings)}, which the program calls): each warning said on the
     * calling thread, not blank, one line, no secret; and the same collections as {@code collections()}. A
     * working remote with nothing left out gives no warning to check, and the check is skipped: give it
     * something your kind skips (a music library) to have it made.
     */
    @Test
    void discoveryWarningsAreOneLineWithoutSecrets() throws SourceException {
        List<String> secrets = secretValues();
        Map<String, Object> config = kind().validate(workingOptions());
        try (SourceConnection connection = kind().connect(config, context())) {
            Thread caller = Thread.currentThread();
            List<String> warnings = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            List<DiscoveredCollection> collections = connection.collections(warning -> {
                warnings.add(warning);
                threads.add(Thread.currentThread());
            });
            assertEquals(ids(connection.collections()), ids(collections), "collections(warnings) gives the collections collections() gives");
            assumeFalse(warnings.isEmpty(), "discovery of the working remote warned of nothing, so there is no warning to check:"
                    + " give workingOptions() a remote holding something the kind leaves out");
            for (int i = 0; i < warnings.size(); i++) {
                String warning = warnings.get(i);
                assertFalse(warning == null || warning.isBlank(), "warnings say something");
                assertOneLineWithoutSecrets("a discovery warning", warning, secrets);
                assertTrue(threads.get(i) == caller, "warnings are given on the thread that called collections(warnings)");
            }
        }
    }

    /**
     * {@code source status} on a working remote: {@code health()} answers within {@link #answerWithin()}, without
     * throwing, and says it is healthy; the server's name and version, when given, are one line without a secret.
     * A kind that keeps the default (it checks nothing) is skipped: RetroVue shows its sources as unknown.
     */
    @Test
    void healthOfAWorkingRemoteIsHealthyInTime() throws SourceException {
        List<String> secrets = secretValues();
        Map<String, Object> config = kind().validate(workingOptions());
        try (SourceConnection connection = kind().connect(config, context())) {
            assumeTrue(overridesHealth(connection), "health() is the default, which checks nothing: `source status` shows the source as unknown");
            SourceHealth health;
            try {
                health = within("health()", connection::health);
            } catch (SourceException e) {
                throw new AssertionError("health() of the working remote threw (" + e.code() + "): " + e.getMessage(), e);
            }
            assertNotNull(health, "health() returns what it found");
            assertOneLineWithoutSecrets(health, secrets);
            assertTrue(health.healthy(), "the working remote is healthy, but health() says " + health);
        }
    }

    /**
     * {@code source status} on a remote that fails ({@link #failingOptions()}, or the working one after
     * {@link #breakRemote()}): {@code health()} answers within {@link #answerWithin()} and says it is not healthy,
     * with a problem on one line and no secret, or throws a SourceException that says so.
     */
    @Test
    void healthOfAFailingRemoteSaysWhatIsWrongInTime() throws SourceException {
        List<String> secrets = secretValues();
        Map<String, String> failing = failingOptions();
        Map<String, Object> config = kind().validate(failing != null ? failing : workingOptions());
        SourceConnection connection;
        try {
            connection = kind().connect(config, context());
        } catch (SourceException e) {
            assertOneLineWithoutSecrets("the message of connect()'s exception", e.getMessage(), secrets);
            Assumptions.abort("connect() refused the failing options, so health() cannot be called: " + e.getMessage());
            return;
        }
        try (connection) {
            assumeTrue(overridesHealth(connection), "health() is the default, which checks nothing: `source status` shows the source as unknown");
            if (failing == null) {
                assumeTrue(breakRemote(), "failingOptions() gives none and breakRemote() cannot break the working remote: override one of them");
            }
            SourceHealth health;
            try {
                health = within("health()", connection::health);
            } catch (SourceException e) {
                assertOneLineWithoutSecrets("the message of health()'s exception", e.getMessage(), secrets);
                return;
            }
            assertNotNull(health, "health() returns what it found");
            assertFalse(health.healthy(), "health() of a failing remote says healthy: " + health);
            assertTrue(health.reachable() == SourceHealth.Check.FAILED || health.credentials() == SourceHealth.Check.FAILED,
                    "health() of a failing remote says which check failed (reachable or credentials), not " + health);
            assertFalse(health.problem() == null || health.problem().isBlank(), "health() of a failing remote says what is wrong");
            assertOneLineWithoutSecrets(health, secrets);
        }
    }

    private static boolean overridesHealth(SourceConnection connection) {
        try {
            return connection.getClass().getMethod("health").getDeclaringClass() != SourceConnection.class;
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertOneLineWithoutSecrets(SourceHealth health, List<String> secrets) {
        for (Map.Entry<String, String> part : Map.of("its problem", String.valueOf(health.problem()), "the server's name", String.valueOf(health.serverName()),
                "the server's version", String.valueOf(health.serverVersion())).entrySet()) {
            assertOneLineWithoutSecrets("health()'s " + part.getKey(), part.getValue(), secrets);
        }
    }

    /**
     * Calls a plugin on a thread of its own and waits at most {@link #answerWithin()}, as RetroVue does; a call
     * still running then is interrupted and fails the check. A runtime exception fails it too: the SPI's one
     * failure type is SourceException.
     */
    private <T> T within(String what, Callable<T> call) throws SourceException {
        try {
            return Bounded.call(what, answerWithin(), ": RetroVue gives up on it; finish within the kind's own timeouts", call);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SourceException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new AssertionError(what + " failed with " + e.getCause() + "; failures must be SourceExceptions", e.getCause());
        }
    }

    private static List<String> ids(List<DiscoveredCollection> collections) {
        return collections.stream().map(DiscoveredCollection::externalId).toList();
    }

    /**
     * {@code source add} then {@code source update} with some options changed, as the program does them: it keeps
     * the operator's options (never reading them back out of the config), merges the changed ones in, and calls
     * {@code validate} again with the declared defaults filled in. The config must depend on the options alone
     * (the same options give the same config), and a changed option must show in it.
     */
    @Test
    void anUpdateKeepsTheOptionsItDoesNotChange() throws SourceException {
        Map<String, String> changed = changedOptions();
        assumeTrue(changed != null && !changed.isEmpty(), "changedOptions() gives none: override it to check `source update`");
        Map<String, Object> added = kind().validate(asGiven(workingOptions()));
        assertEquals(added, kind().validate(asGiven(workingOptions())), "the same options give the same config");
        Map<String, String> merged = new LinkedHashMap<>(workingOptions());
        merged.putAll(changed);
        Map<String, Object> updated = kind().validate(asGiven(merged));
        assertNotEquals(added, updated, "changing " + changed.keySet() + " changes the config");
        Map<String, Object> again = kind().validate(asGiven(merged));
        assertEquals(updated, again, "updating gives what adding with the new options would have");
    }

    /** Options as {@code validate} receives them from the program: the declared defaults of those not given added. */
    protected Map<String, String> asGiven(Map<String, String> options) {
        Map<String, String> given = new LinkedHashMap<>(options);
        for (OptionSpec option : kind().options()) {
            if (!given.containsKey(option.name()) && option.defaultValue() != null) {
                given.put(option.name(), option.type() == org.retrovue.spi.OptionType.BOOLEAN
                        ? Boolean.toString(Set.of("yes", "true", "on").contains(option.defaultValue().strip().toLowerCase(java.util.Locale.ROOT)))
                        : option.defaultValue().strip());
            }
        }
        return given;
    }

    private void assertOneLineWithoutSecrets(SourceException e) {
        assertNotNull(e.getMessage(), "the exception has a message");
        List<String> secrets = secretValues();
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (String secret : secrets) {
                assertFalse(String.valueOf(t.getMessage()).contains(secret),
                        "the message of " + (t == e ? "the exception" : "its cause " + t.getClass().getName()) + " holds a secret option's value");
            }
        }
        assertOneLine("the exception's message", e.getMessage());
    }

    /** The values of the secret options of {@link #workingOptions()} and {@link #failingOptions()}. */
    private List<String> secretValues() {
        List<String> secrets = new ArrayList<>();
        for (OptionSpec option : kind().options()) {
            for (Map<String, String> options : Arrays.asList(workingOptions(), failingOptions())) {
                String secret = options == null ? null : options.get(option.name());
                if (option.secret() && secret != null && !secret.isBlank()) {
                    secrets.add(secret.strip());
                }
            }
        }
        return secrets;
    }

    private static void assertOneLine(String what, String text) {
        assertNotNull(text, what + " is not null");
        assertTrue(text.lines().count() <= 1 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0, what + " is one line: " + text);
    }

    private static void assertOneLineWithoutSecrets(String what, String text, List<String> secrets) {
        for (String secret : secrets) {
            assertFalse(text != null && text.contains(secret), what + " holds a secret option's value");
        }
        assertOneLine(what, text);
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
