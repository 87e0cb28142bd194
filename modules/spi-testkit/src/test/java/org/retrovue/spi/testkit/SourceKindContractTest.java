package org.retrovue.spi.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The testkit catches broken plugins: the contract is run (with JUnit's engine test kit) against the kinds of
 * {@link Fixtures}, each broken one way, and each check must fail, be skipped or pass as it should. A check named
 * below neither as failing nor as skipped must pass; every class also skips the module-version check, which a
 * kind on the class path cannot answer.
 */
class SourceKindContractTest {
    private static final String VERSION = "listTypesShowsTheModulesVersion";
    private static final String SCANS = "scansStreamWellFormedItemsAndAreStable";
    private static final String FAILURES = "failuresAreSpiExceptionsOnOneLineWithoutSecrets";
    private static final String SCAN_FAILURES = "scanFailuresAreSpiExceptionsOnOneLineWithoutSecrets";
    private static final String UPDATE = "anUpdateKeepsTheOptionsItDoesNotChange";
    private static final String HEALTH = "healthOfAWorkingRemoteIsHealthyInTime";
    private static final String FAILING_HEALTH = "healthOfAFailingRemoteSaysWhatIsWrongInTime";
    private static final String DISPLAY_NAME = "theDisplayNameIsOneLineWithoutSecrets";
    private static final String WARNINGS = "discoveryWarningsAreOneLineWithoutSecrets";
    private static final String DETAILS = "listTypesShowsOneLineDetails";

    @Test
    void aWellBehavedKindPassesEveryCheckItCanMake() {
        expect(Fixtures.WellBehaved.class, Map.of(), Set.of());
    }

    @Test
    void checksGivenNoMeansAreSkippedNotPassed() {
        expect(Fixtures.NothingToBreak.class, Map.of(), Set.of(FAILURES, SCAN_FAILURES, FAILING_HEALTH, UPDATE));
    }

    @Test
    void aKindThatCannotScanFails() {
        expect(Fixtures.CannotScan.class, Map.of(SCANS, "cannot scan"), Set.of());
    }

    /** The scan check compares nothing and fails (never passes): an empty working remote is a test that checks nothing. */
    @Test
    void aRemoteWithNoItemsDoesNotPassTheScanCheck() {
        expect(Fixtures.NoItems.class, Map.of(SCANS, "at least one item"), Set.of());
    }

    @Test
    void failuresOnTwoLinesFail() {
        expect(Fixtures.MultiLineFailures.class, Map.of(FAILURES, "one line", SCAN_FAILURES, "one line"), Set.of());
    }

    @Test
    void failuresThatHoldASecretFail() {
        expect(Fixtures.SecretInFailures.class, Map.of(FAILURES, "secret", SCAN_FAILURES, "secret"), Set.of());
        expect(Fixtures.SecretInCause.class, Map.of(FAILURES, "its cause java.io.IOException holds a secret",
                SCAN_FAILURES, "its cause java.io.IOException holds a secret"), Set.of());
    }

    @Test
    void aHealthCheckThatHangsFails() {
        expect(Fixtures.HealthHangs.class, Map.of(HEALTH, "did not answer within 1000 ms", FAILING_HEALTH, "did not answer within 1000 ms"), Set.of());
    }

    @Test
    void aHealthCheckThatLeaksTheTokenFails() {
        expect(Fixtures.HealthLeaksTheToken.class, Map.of(FAILING_HEALTH, "holds a secret"), Set.of());
    }

    @Test
    void aHealthCheckThatCallsABrokenRemoteHealthyFails() {
        expect(Fixtures.HealthAlwaysHealthy.class, Map.of(FAILING_HEALTH, "says healthy"), Set.of());
    }

    @Test
    void aKindThatDoesNotCheckItsHealthIsSkippedNotPassed() {
        expect(Fixtures.DefaultHealth.class, Map.of(), Set.of(HEALTH, FAILING_HEALTH));
    }

    @Test
    void aDisplayNameOnTwoLinesOrWithASecretFails() {
        expect(Fixtures.DisplayNameOnTwoLines.class, Map.of(DISPLAY_NAME, "one line"), Set.of());
        expect(Fixtures.DisplayNameWithTheToken.class, Map.of(DISPLAY_NAME, "holds a secret"), Set.of());
    }

    @Test
    void discoveryWarningsOnTwoLinesOrWithASecretFail() {
        expect(Fixtures.BadWarnings.class, Map.of(WARNINGS, "holds a secret"), Set.of());
    }

    @Test
    void aKindThatWarnsOfNothingHasItsWarningCheckSkipped() {
        expect(Fixtures.NoWarnings.class, Map.of(), Set.of(WARNINGS));
    }

    @Test
    void anExampleWithAFlagTheKindDoesNotDeclareFails() {
        expect(Fixtures.ExampleWithAnUnknownFlag.class, Map.of(DETAILS, "--location-file"), Set.of());
    }

    /** RetroVue keeps the options and validates them again on update: a config it cannot read back is no fault. */
    @Test
    void aConfigThatCannotBeReadBackPassesTheUpdateCheck() {
        expect(Fixtures.StoresLocationAsWhere.class, Map.of(), Set.of());
    }

    @Test
    void anUpdateThatDoesNotGiveWhatAddingWouldFails() {
        expect(Fixtures.ConfigDependsOnTheClock.class, Map.of(UPDATE, "the same options give the same config"), Set.of());
        expect(Fixtures.IgnoresAChangedOption.class, Map.of(UPDATE, "changes the config"), Set.of());
    }

    private record Outcome(TestExecutionResult.Status status, String message) {}

    /**
     * Runs the contract against {@code fixture}: the checks in {@code failing} fail with a message holding the
     * given words, those in {@code skipped} (and the module-version check) are skipped, and every other passes.
     */
    private static void expect(Class<?> fixture, Map<String, String> failing, Set<String> skipped) {
        Map<String, Outcome> outcomes = new TreeMap<>();
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().testEvents().finished().stream().forEach(event -> {
            String method = ((MethodSource) event.getTestDescriptor().getSource().orElseThrow()).getMethodName();
            TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
            outcomes.put(method, new Outcome(result.getStatus(), result.getThrowable().map(String::valueOf).orElse("")));
        });
        assertEquals(contractChecks(), outcomes.keySet(), "every check of the contract ran against " + fixture.getSimpleName());
        for (Map.Entry<String, Outcome> entry : outcomes.entrySet()) {
            String check = entry.getKey();
            Outcome outcome = entry.getValue();
            String where = fixture.getSimpleName() + "." + check + ": " + outcome.message();
            if (failing.containsKey(check)) {
                assertEquals(TestExecutionResult.Status.FAILED, outcome.status(), where);
                assertTrue(outcome.message().contains(failing.get(check)), "fails for the reason expected (" + failing.get(check) + "): " + where);
            } else if (skipped.contains(check) || check.equals(VERSION)) {
                assertEquals(TestExecutionResult.Status.ABORTED, outcome.status(), "skipped: " + where);
            } else {
                assertEquals(TestExecutionResult.Status.SUCCESSFUL, outcome.status(), where);
            }
        }
    }

    private static Set<String> contractChecks() {
        return Arrays.stream(SourceKindContract.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Test.class))
                .map(java.lang.reflect.Method::getName)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
