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
 * The testkit catches broken enrichers: {@link EnricherContract} is run (with JUnit's engine test kit) against the
 * enrichers of {@link EnricherFixtures}, each broken one way, and each check must fail, be skipped or pass as it
 * should. A check named below neither as failing nor as skipped must pass; every class also skips the
 * module-version check, which an enricher on the class path cannot answer.
 */
class EnricherContractTest {
    private static final String IDENTITY = "declaresAnIdADescriptionAndAVersion";
    private static final String SPI = "isBuiltForThisSpi";
    private static final String OPTIONS = "declaresWellFormedOptions";
    private static final String UNAVAILABLE = "saysQuicklyAndOnOneLineWhetherItCanRun";
    private static final String GOOD = "fillsFactsForTheGoodFile";
    private static final String BAD = "badFilesAreFailedOrDeclinedOnOneLine";
    private static final String DEADLINE = "answersSoonAfterItsDeadline";
    private static final String CANCEL = "returnsPromptlyWhenCancelled";
    private static final String THREADS = "givesTheSameAnswersOnSeveralThreadsAtOnce";
    private static final String PROCESSES = "leavesNoProcessRunning";
    private static final String VERSION = "listTypesShowsTheModulesVersion";

    @Test
    void aWellBehavedEnricherPassesEveryCheckItCanMake() {
        expect(EnricherFixtures.WellBehaved.class, Map.of(), Set.of());
    }

    @Test
    void anEnricherThatEndsItsProcessesPasses() {
        expect(EnricherFixtures.WellBehavedWithAProcess.class, Map.of(), Set.of());
    }

    /** Declining the good file is no fault where the enricher says it cannot run: the check is skipped, not passed. */
    @Test
    void anUnavailableEnricherHasTheGoodFileCheckSkipped() {
        expect(EnricherFixtures.Unavailable.class, Map.of(), Set.of(GOOD));
    }

    @Test
    void decliningTheGoodFileWhileAvailableFails() {
        expect(EnricherFixtures.DeclinesThoughAvailable.class, Map.of(GOOD, "says it can run here"), Set.of());
    }

    @Test
    void aBadIdDescriptionOrVersionFails() {
        expect(EnricherFixtures.BadId.class, Map.of(IDENTITY, "Fake_Media"), Set.of());
        expect(EnricherFixtures.DescriptionOnTwoLines.class, Map.of(IDENTITY, "one line"), Set.of());
        expect(EnricherFixtures.BlankVersion.class, Map.of(IDENTITY, "version()"), Set.of());
    }

    @Test
    void anotherSpiMajorFails() {
        expect(EnricherFixtures.WrongSpiMajor.class, Map.of(SPI, "SpiVersion.MAJOR"), Set.of());
    }

    @Test
    void anOptionWhoseDefaultDoesNotFitFails() {
        expect(EnricherFixtures.BadOptions.class, Map.of(OPTIONS, "not a whole number: ten"), Set.of());
    }

    @Test
    void aSlowOrMultiLineAvailabilityCheckFails() {
        expect(EnricherFixtures.SlowUnavailable.class, Map.of(UNAVAILABLE, "did not answer within 500 ms"), Set.of());
        expect(EnricherFixtures.UnavailableOnTwoLines.class, Map.of(UNAVAILABLE, "one line"), Set.of());
    }

    /** It throws for the bad files, and for the good file's reading under a short deadline too: every check that reads them fails. */
    @Test
    void anEnricherThatThrowsFails() {
        expect(EnricherFixtures.Throws.class, Map.of(BAD, "threw java.lang.IllegalStateException: empty file", DEADLINE, "threw",
                CANCEL, "threw", THREADS, "threw"), Set.of());
    }

    @Test
    void factsForABadFileFail() {
        expect(EnricherFixtures.FillsBadFiles.class, Map.of(BAD, "filled facts for a zero-byte file"), Set.of());
    }

    @Test
    void reasonsOnTwoLinesWithAStackTraceOrASecretFail() {
        expect(EnricherFixtures.MultiLineReasons.class, Map.of(BAD, "one line", DEADLINE, "one line"), Set.of());
        expect(EnricherFixtures.StackTraceInReasons.class, Map.of(BAD, "stack trace text", DEADLINE, "stack trace text",
                CANCEL, "stack trace text"), Set.of());
        expect(EnricherFixtures.SecretInReasons.class, Map.of(BAD, "holds the value of secret option api-key",
                DEADLINE, "holds the value of secret option api-key"), Set.of());
    }

    @Test
    void anEnricherThatOutlivesItsDeadlineFails() {
        expect(EnricherFixtures.IgnoresTheDeadline.class, Map.of(DEADLINE, "with its deadline passed did not answer within 500 ms"), Set.of());
    }

    @Test
    void anEnricherDeafToACancelFails() {
        expect(EnricherFixtures.IgnoresACancel.class, Map.of(CANCEL, "when cancelled did not answer within 500 ms"), Set.of());
    }

    @Test
    void anEnricherThatHangsFailsEveryCheckThatWaitsForIt() {
        expect(EnricherFixtures.Hangs.class, Map.of(GOOD, "did not answer within 1500 ms", DEADLINE, "did not answer within 500 ms",
                CANCEL, "did not answer within 500 ms", THREADS, "did not answer within 1500 ms"), Set.of());
    }

    @Test
    void anEnricherThatLeavesAProcessRunningFails() {
        expect(EnricherFixtures.LeavesAProcess.class, Map.of(PROCESSES, "left running [pid "), Set.of());
        assertTrue(ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive), "the contract killed what the enricher left running");
    }

    @Test
    void anEnricherThatMixesConcurrentCallsFails() {
        expect(EnricherFixtures.NotThreadSafe.class, Map.of(THREADS, "threads at once"), Set.of());
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
        return Arrays.stream(EnricherContract.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Test.class))
                .map(java.lang.reflect.Method::getName)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
