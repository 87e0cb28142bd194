package org.retrovue.spi.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retrovue.spi.Enricher;
import org.retrovue.spi.EnrichmentContext;
import org.retrovue.spi.EnrichmentRequest;
import org.retrovue.spi.EnrichmentResult;
import org.retrovue.spi.MediaFacts;
import org.retrovue.spi.OptionSpec;
import org.retrovue.spi.OptionType;
import org.retrovue.spi.ScannedItem;
import org.retrovue.spi.SpiVersion;

/**
 * The SPI's contract for enrichers, as tests. Extend it with the enricher under test (built with {@code new}, or
 * loaded as shipped with {@link PluginUnderTest#enricher}) and one media file it fills facts for; the contract
 * makes its own bad files (a zero-byte file, a text file and a missing file, all named with the good file's
 * extension) and checks what the program relies on: a well-formed id, description, version and options, the SPI
 * major version, a quick one-line {@code unavailable()}, facts for the good file, one-line failures (no secret, no
 * stack trace) for the bad ones, answers soon after a deadline and after a cancel, the same answers from several
 * threads at once, and no process left running. A check the enricher cannot make here (it is unavailable, so it
 * declines the good file) is skipped with its reason: skipped is not passed.
 */
public abstract class EnricherContract {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");
    /** A stack frame, a "Caused by:", or an exception's qualified class name (what {@code e.toString()} starts with). */
    private static final Pattern STACK_TRACE = Pattern.compile("\\bat [\\w$]+(\\.[\\w$<>]+)+\\([^)]*\\)|Caused by:"
            + "|\\b([a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(Exception|Error|Throwable)\\b");

    @TempDir
    Path samples;

    private Enricher underTest;
    /** The processes each call left running (killed by the contract), for {@link #leavesNoProcessRunning()}. */
    private final List<String> leftRunning = new ArrayList<>();

    /** The enricher under test. Called once per check. */
    protected abstract Enricher enricher();

    /**
     * A media file the enricher fills facts for (on a machine where it is available): one of your test fixtures.
     * Its extension names the bad files the contract makes.
     */
    protected abstract Path goodFile();

    /**
     * The values of the enricher's options that {@link EnrichmentContext#options()} gives, as the program hands
     * them on (checked, canonical form). The default: the declared defaults, as the program fills them in.
     */
    protected Map<String, String> options() {
        Map<String, String> given = new LinkedHashMap<>();
        for (OptionSpec option : enricherUnderTest().options()) {
            if (option.defaultValue() != null) {
                String value = option.defaultValue().strip();
                given.put(option.name(), option.type() == OptionType.BOOLEAN
                        ? Boolean.toString(Set.of("yes", "true", "on").contains(value.toLowerCase(Locale.ROOT))) : value);
            }
        }
        return given;
    }

    /** The time limit of one item, as the program gives it (30 s by default): the deadline of the ordinary calls. */
    protected Duration timeLimit() {
        return Duration.ofSeconds(30);
    }

    /**
     * How long past its deadline (or after a cancel) an enricher may take to answer, and how long
     * {@code unavailable()} may take: 2 s by default.
     */
    protected Duration grace() {
        return Duration.ofSeconds(2);
    }

    /** How many threads call the enricher at once in the thread-safety check: 4 by default. */
    protected int threads() {
        return 4;
    }

    /** A context for an enricher's other tests: a deadline {@code limit} from now, the options given, not cancelled. */
    public static EnrichmentContext testContext(Duration limit, Map<String, String> options) {
        return new TestContext(Instant.now().plus(limit), options, false);
    }

    @Test
    void declaresAnIdADescriptionAndAVersion() {
        Enricher enricher = enricher();
        String id = enricher.id();
        assertTrue(id != null && ID.matcher(id).matches(), "id must be lower-case letters, digits and '-', starting with a letter: " + id);
        assertFalse(enricher.description() == null || enricher.description().isBlank(), "a description for `enricher list-types`");
        assertOneLine("description()", enricher.description());
        assertFalse(enricher.version() == null || enricher.version().isBlank(), "version() names the version of what it fills, e.g. \"1\"");
        assertOneLine("version()", enricher.version());
    }

    @Test
    void isBuiltForThisSpi() {
        assertEquals(SpiVersion.MAJOR, enricher().spiMajorVersion(), "spiMajorVersion() must return SpiVersion.MAJOR: RetroVue refuses another major");
    }

    @Test
    void declaresWellFormedOptions() {
        List<OptionSpec> options = enricher().options();
        assertNotNull(options, "options() returns a list (empty for none)");
        Set<String> names = new HashSet<>();
        for (OptionSpec option : options) {
            assertTrue(names.add(option.name()), "option declared twice: " + option.name());
            assertFalse(option.description().isBlank(), "option " + option.name() + " needs a description");
            assertOneLine("the description of option " + option.name(), option.description());
            if (option.defaultValue() != null) {
                String d = option.defaultValue().strip();
                switch (option.type()) {
                    case INTEGER -> {
                        long n;
                        try {
                            n = Long.parseLong(d);
                        } catch (NumberFormatException e) {
                            throw new AssertionError("the default of " + option.name() + " is not a whole number: " + d);
                        }
                        assertTrue((option.min() == null || n >= option.min()) && (option.max() == null || n <= option.max()),
                                "the default of " + option.name() + " is out of its range");
                    }
                    case BOOLEAN -> assertTrue(List.of("yes", "no", "true", "false", "on", "off").contains(d.toLowerCase(Locale.ROOT)),
                            "the default of " + option.name() + " is not yes or no");
                    case CHOICE -> assertTrue(option.choices().stream().anyMatch(c -> c.equalsIgnoreCase(d)),
                            "the default of " + option.name() + " is not one of its choices");
                    default -> { }
                }
            }
        }
    }

    /** {@code enricher list-types} and {@code source enrichers} call {@code unavailable()}: it answers within {@link #grace()}, on one line. */
    @Test
    void saysQuicklyAndOnOneLineWhetherItCanRun() {
        Optional<String> why = unavailable();
        assertNotNull(why, "unavailable() returns Optional.empty() when the enricher can run, never null");
        if (why.isPresent()) {
            assertFalse(why.get().isBlank(), "unavailable() says what to install or set");
            assertOneLineWithoutSecrets("unavailable()", why.get());
        }
    }

    /** Filled for the good file; an unavailable enricher that declines it has this check skipped, with its reason. */
    @Test
    void fillsFactsForTheGoodFile() {
        Sample good = good();
        Answer answer = ask(good, Instant.now().plus(timeLimit()), false, timeLimit().plus(grace()));
        assertAnswered(good.name, answer);
        switch (answer.result) {
            case EnrichmentResult.Filled filled -> assertNotNull(filled.facts());
            case EnrichmentResult.Declined(String reason) -> {
                assertReason("the reason it declined " + good.name, reason);
                Optional<String> why = unavailable();
                assertTrue(why != null && why.isPresent(), "declined " + good.name + " (\"" + reason + "\"), but unavailable() says it can run here");
                Assumptions.abort("the enricher cannot run here (" + why.get() + ") and declined " + good.name + ": " + reason);
            }
            case EnrichmentResult.Failed(String reason) -> fail("failed " + good.name + ": " + reason + "; goodFile() must be a file it fills facts for");
        }
    }

    /** A zero-byte file, a text file with a media file's extension, a missing file: Failed or Declined, never thrown. */
    @Test
    void badFilesAreFailedOrDeclinedOnOneLine() {
        for (Sample bad : bad()) {
            Answer answer = ask(bad, Instant.now().plus(timeLimit()), false, timeLimit().plus(grace()));
            assertAnswered(bad.name, answer);
            switch (answer.result) {
                case EnrichmentResult.Filled filled -> fail("filled facts for " + bad.name + " (" + filled.facts() + "); it is not media: Failed");
                case EnrichmentResult.Declined(String reason) -> assertReason("the reason it declined " + bad.name, reason);
                case EnrichmentResult.Failed(String reason) -> assertReason("the reason it failed " + bad.name, reason);
            }
        }
    }

    /**
     * With a deadline already passed, or 100 ms away, each file is answered within {@link #grace()} of the deadline
     * (what it answers is its own affair: a timeout, or facts it had time to read), never thrown.
     */
    @Test
    void answersSoonAfterItsDeadline() {
        for (Sample sample : all()) {
            Answer passed = ask(sample, Instant.now().minusSeconds(1), false, grace());
            assertAnswered(sample.name + " with its deadline passed", passed);
            Answer soon = ask(sample, Instant.now().plusMillis(100), false, grace().plusMillis(100));
            assertAnswered(sample.name + " with its deadline 100 ms away", soon);
        }
    }

    /** Called on an interrupted thread, {@code cancelled()} true: each file is answered within {@link #grace()}, never thrown. */
    @Test
    void returnsPromptlyWhenCancelled() {
        for (Sample sample : all()) {
            Answer answer = ask(sample, Instant.now().plus(timeLimit()), true, grace());
            assertAnswered(sample.name + " when cancelled", answer);
        }
    }

    /**
     * {@link #threads()} threads each enrich every file at once, in different orders: each gets what one thread alone
     * got (the same facts; failed or declined as alone, whatever the reason's wording).
     */
    @Test
    void givesTheSameAnswersOnSeveralThreadsAtOnce() throws InterruptedException {
        List<Sample> files = all();
        List<EnrichmentResult> alone = new ArrayList<>();
        for (Sample sample : files) {
            Answer answer = ask(sample, Instant.now().plus(timeLimit()), false, timeLimit().plus(grace()));
            assertAnsweredInTime(sample.name, answer); // what it answers is the other checks' concern
            alone.add(answer.result);
        }
        Set<Long> before = descendants();
        Enricher enricher = enricherUnderTest();
        int threads = threads();
        CountDownLatch start = new CountDownLatch(1);
        List<FutureTask<List<EnrichmentResult>>> tasks = new ArrayList<>();
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            FutureTask<List<EnrichmentResult>> task = new FutureTask<>(() -> {
                start.await();
                EnrichmentResult[] results = new EnrichmentResult[files.size()];
                for (int i = 0; i < files.size(); i++) {
                    int n = (first + i) % files.size();
                    results[n] = enricher.enrich(files.get(n).request(), new TestContext(Instant.now().plus(timeLimit()), options(), false));
                }
                return List.of(results);
            });
            tasks.add(task);
            running.add(Thread.ofPlatform().daemon().name("testkit enrich " + t).start(task));
        }
        start.countDown();
        long waitUntil = System.nanoTime() + timeLimit().plus(grace()).multipliedBy(files.size()).toNanos();
        try {
            for (int t = 0; t < threads; t++) {
                List<EnrichmentResult> results;
                try {
                    results = tasks.get(t).get(Math.max(1, waitUntil - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    throw new AssertionError(threads + " threads at once did not answer within " + files.size() + " time limits");
                } catch (ExecutionException e) {
                    throw new AssertionError("enrich threw " + e.getCause() + " on one of " + threads + " threads at once; it never throws", e.getCause());
                }
                for (int i = 0; i < files.size(); i++) {
                    assertNotNull(results.get(i), "enrich returned null for " + files.get(i).name + " on one of " + threads + " threads");
                    assertEquals(comparable(alone.get(i)), comparable(results.get(i)), files.get(i).name + " on one of " + threads
                            + " threads at once gets another answer than alone: share no mutable state between calls");
                }
            }
        } finally {
            running.forEach(Thread::interrupt);
            sweep(before);
        }
    }

    /**
     * After every call ({@code unavailable()}; each file with time, with its deadline passed, and cancelled) the test's
     * JVM has no process that was not there before: the enricher ends what it starts (a process and its children)
     * before it returns. Processes left running are killed and named.
     */
    @Test
    void leavesNoProcessRunning() {
        leftRunning.clear();
        Set<Long> before = descendants();
        try {
            within("unavailable()", grace(), enricherUnderTest()::unavailable);
        } catch (AssertionError timedOutOrThrew) {
            // not this check's concern: saysQuicklyAndOnOneLineWhetherItCanRun reports it
        } finally {
            sweep(before);
        }
        assertTrue(leftRunning.isEmpty(), "unavailable() left running " + leftRunning + "; it starts no process");
        for (Sample sample : all()) {
            ask(sample, Instant.now().plus(timeLimit()), false, timeLimit().plus(grace()));
            ask(sample, Instant.now().minusSeconds(1), false, grace());
            ask(sample, Instant.now().plus(timeLimit()), true, grace());
            assertTrue(leftRunning.isEmpty(), "enrich of " + sample.name + " left running " + leftRunning
                    + " (killed now); end every process you start, and its children, before returning");
        }
    }

    /**
     * {@code enricher list-types --json} shows the version of the plugin's module. Only an enricher loaded as shipped
     * ({@link PluginUnderTest#enricher}) has its module; on the class path the check is skipped.
     */
    @Test
    void listTypesShowsTheModulesVersion() {
        Module module = enricher().getClass().getModule();
        assumeTrue(module.isNamed(), "the enricher is on the class path, where list-types' version cannot be seen: load the built plugin with PluginUnderTest");
        ModuleDescriptor descriptor = module.getDescriptor();
        assertTrue(descriptor.rawVersion().isPresent(), "module " + module.getName() + " has no version, so `enricher list-types` shows '-':"
                + " build it with maven-compiler-plugin (it records the project's version) or `jar --module-version`");
    }

    /**
     * What must not differ between calls: the facts filled, or that it failed or declined. A reason may hold detail
     * of one run (ffprobe names the address of its demuxer: {@code [mov,mp4,... @ 0x5648...]}).
     */
    private static Object comparable(EnrichmentResult result) {
        return result instanceof EnrichmentResult.Filled ? result : result.getClass().getSimpleName();
    }

    /** One file to enrich, as the scan saw it. */
    private record Sample(String name, Path path, long size, Instant modified) {
        EnrichmentRequest request() {
            ScannedItem item = ScannedItem.file(path.getFileName().toString(), path.toString(), size, modified, path.getFileName().toString());
            return new EnrichmentRequest(path, size, modified, item, MediaFacts.NONE);
        }
    }

    /** What a call gave: its result, or what it threw, or {@code late} when it did not answer in time. */
    private record Answer(EnrichmentResult result, Throwable thrown, boolean late, Duration waited) {}

    private Sample good() {
        Path file = goodFile();
        assertTrue(file != null && Files.isRegularFile(file), "goodFile() must be an existing media file: " + file);
        try {
            return new Sample("the good file (" + file.getFileName() + ")", file, Files.size(file), Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bad files, made here and named with the good file's extension so that an enricher choosing by name takes them. */
    private List<Sample> bad() {
        String name = goodFile().getFileName().toString();
        String extension = name.lastIndexOf('.') > 0 ? name.substring(name.lastIndexOf('.')) : "";
        try {
            Path empty = samples.resolve("empty" + extension);
            Files.write(empty, new byte[0]);
            Path text = samples.resolve("notes" + extension);
            Files.writeString(text, "These are notes, not a video, in a file named as one.\n".repeat(80));
            Path missing = samples.resolve("gone" + extension);
            Files.deleteIfExists(missing);
            Instant hourAgo = Instant.now().minusSeconds(3600);
            return List.of(new Sample("a zero-byte file (" + empty.getFileName() + ")", empty, 0, Files.getLastModifiedTime(empty).toInstant()),
                    new Sample("a text file (" + text.getFileName() + ")", text, Files.size(text), Files.getLastModifiedTime(text).toInstant()),
                    new Sample("a file gone since the scan (" + missing.getFileName() + ")", missing, 1 << 20, hourAgo));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Sample> all() {
        List<Sample> all = new ArrayList<>();
        all.add(good());
        all.addAll(bad());
        return all;
    }

    /** The enricher under test, asked for once per check: loading it as shipped defines a module layer each time. */
    private Enricher enricherUnderTest() {
        if (underTest == null) {
            underTest = enricher();
        }
        return underTest;
    }

    private Optional<String> unavailable() {
        Set<Long> before = descendants();
        try {
            return within("unavailable()", grace(), enricherUnderTest()::unavailable);
        } finally {
            sweep(before);
        }
    }

    /**
     * Enriches {@code sample} on a thread of its own, as the program does, with a deadline, cancelled or not (the
     * thread interrupted before the call), waiting at most {@code wait}; a call still running then is interrupted.
     */
    private Answer ask(Sample sample, Instant deadline, boolean cancel, Duration wait) {
        Enricher enricher = enricherUnderTest();
        EnrichmentRequest request = sample.request();
        TestContext context = new TestContext(deadline, options(), cancel);
        Set<Long> before = descendants();
        FutureTask<EnrichmentResult> task = new FutureTask<>(() -> {
            if (cancel) {
                Thread.currentThread().interrupt();
            }
            return enricher.enrich(request, context);
        });
        Thread thread = Thread.ofPlatform().daemon().name("testkit enrich").start(task);
        try {
            return new Answer(task.get(wait.toMillis(), TimeUnit.MILLISECONDS), null, false, wait);
        } catch (TimeoutException e) {
            context.cancelled.set(true);
            thread.interrupt();
            return new Answer(null, null, true, wait);
        } catch (ExecutionException e) {
            return new Answer(null, e.getCause(), false, wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for enrich", e);
        } finally {
            sweep(before);
        }
    }

    /** An answer in time, not thrown, not null, with a well-formed reason if any. */
    private void assertAnswered(String what, Answer answer) {
        assertAnsweredInTime(what, answer);
        switch (answer.result) {
            case EnrichmentResult.Filled filled -> { }
            case EnrichmentResult.Declined(String reason) -> assertReason("the reason it declined " + what, reason);
            case EnrichmentResult.Failed(String reason) -> assertReason("the reason it failed " + what, reason);
        }
    }

    private static void assertAnsweredInTime(String what, Answer answer) {
        if (answer.late) {
            fail("enrich of " + what + " did not answer within " + answer.waited.toMillis() + " ms: RetroVue cuts it off;"
                    + " stop by the context's deadline and when cancelled (the thread is interrupted)");
        }
        if (answer.thrown instanceof Error error && !(error instanceof LinkageError)) {
            throw error;
        }
        if (answer.thrown != null) {
            throw new AssertionError("enrich of " + what + " threw " + answer.thrown + "; it never throws: a file it cannot read is Failed,"
                    + " a tool that is missing Declined", answer.thrown);
        }
        assertNotNull(answer.result, "enrich of " + what + " returned null");
    }

    /** A reason the operator reads: not blank, one line, no secret option's value, no stack trace. */
    private void assertReason(String what, String reason) {
        assertFalse(reason.isBlank(), what + " says something");
        assertOneLineWithoutSecrets(what, reason);
        assertFalse(STACK_TRACE.matcher(reason).find(), what + " holds stack trace text (a frame, or an exception's class name): " + reason);
    }

    private void assertOneLineWithoutSecrets(String what, String text) {
        for (OptionSpec option : enricherUnderTest().options()) {
            String value = options().get(option.name());
            if (option.secret() && value != null && !value.isBlank()) {
                assertFalse(text.contains(value.strip()), what + " holds the value of secret option " + option.name());
            }
        }
        assertOneLine(what, text);
    }

    private static void assertOneLine(String what, String text) {
        assertNotNull(text, what + " is not null");
        assertTrue(text.indexOf('\n') < 0 && text.indexOf('\r') < 0, what + " is one line: " + text);
    }

    private static <T> T within(String what, Duration limit, Callable<T> call) {
        try {
            return Bounded.call(what, limit, "; it must be quick: no process, no file read beyond a path lookup", call);
        } catch (ExecutionException e) {
            throw new AssertionError(what + " threw " + e.getCause(), e.getCause());
        }
    }

    private static Set<Long> descendants() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    /**
     * Processes started since {@code before} and still running half a second later (time for one just killed to be
     * reaped) are noted in {@link #leftRunning} and killed, so one check's leftovers do not fail the next.
     */
    private void sweep(Set<Long> before) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        List<ProcessHandle> left;
        do {
            left = ProcessHandle.current().descendants().filter(p -> !before.contains(p.pid()) && p.isAlive()).toList();
            if (left.isEmpty()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < until);
        for (ProcessHandle process : left) {
            if (process.isAlive()) {
                leftRunning.add("pid " + process.pid() + " (" + process.info().command().orElse("?") + ")");
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    /** A context with a fixed deadline; cancelled once the thread was interrupted or the test gave up on the call, and then for good. */
    private static final class TestContext implements EnrichmentContext {
        private final Instant deadline;
        private final Map<String, String> options;
        final AtomicBoolean cancelled;

        TestContext(Instant deadline, Map<String, String> options, boolean cancelled) {
            this.deadline = deadline;
            this.options = Map.copyOf(options);
            this.cancelled = new AtomicBoolean(cancelled);
        }

        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }

        @Override
        public System.Logger logger() {
            return System.getLogger("org.retrovue.spi.testkit");
        }

        @Override
        public Instant deadline() {
            return deadline;
        }

        @Override
        public boolean cancelled() {
            if (Thread.currentThread().isInterrupted()) {
                cancelled.set(true);
            }
            return cancelled.get();
        }

        @Override
        public Map<String, String> options() {
            return options;
        }
    }
}
