package org.retrovue.plugin.ffprobe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.retrovue.spi.Enricher;
import org.retrovue.spi.EnrichmentResult;

/**
 * Bad input for both enrichers, with no real ffprobe or ffmpeg (RealFfprobeTest and RealLoudnessTest hold the
 * truncated and text files, which only the real programs can judge): each case is {@code Failed} with a one-line
 * reason, nothing thrown, and a program that hangs or whose work is cancelled is gone afterwards, with what it started.
 */
class BadInputTest {
    /** A file neither fast path reads, so that the ffprobe enricher too runs its program on it. */
    private static final Path AVI = FfprobeEnricherTest.MEDIA.resolve("mpeg4-mp3.avi");

    @TempDir
    Path temp;

    /** The enricher {@code id} with {@code env} as its whole environment. */
    private static Enricher enricher(String id, Map<String, String> env) {
        return id.equals("ffprobe") ? new FfprobeEnricher(env::get) : new LoudnessEnricher(env::get);
    }

    /** The enricher {@code id} running {@code program} in place of ffprobe or ffmpeg. */
    private static Enricher running(String id, Path program) {
        return enricher(id, Map.of(id.equals("ffprobe") ? "RETROVUE_FFPROBE" : "RETROVUE_FFMPEG", program.toString()));
    }

    /** Without the program: these reasons need none. */
    private Enricher withoutProgram(String id) {
        return enricher(id, Map.of("PATH", temp.toString()));
    }

    private static EnrichmentResult.Failed failed(EnrichmentResult result) {
        EnrichmentResult.Failed failed = assertInstanceOf(EnrichmentResult.Failed.class, result, result::toString);
        assertFalse(failed.reason().isBlank() || failed.reason().contains("\n"), failed.reason());
        return failed;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffprobe", "loudness"})
    void aZeroByteFileIsEmpty(String id) throws Exception {
        Path empty = Files.copy(FfprobeEnricherTest.MEDIA.resolve("bad-zero-bytes.mp4"), temp.resolve("empty.mp4"));
        assertEquals(new EnrichmentResult.Failed("the file is empty"), withoutProgram(id).enrich(FfprobeEnricherTest.request(empty), new TestContext()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffprobe", "loudness"})
    void aFileThatVanishedSinceTheScanIsGone(String id) throws Exception {
        Path file = Files.copy(AVI, temp.resolve("vanishing.avi"));
        var request = FfprobeEnricherTest.request(file); // what the scan saw
        Files.delete(file);
        assertEquals(new EnrichmentResult.Failed("the file is gone"), withoutProgram(id).enrich(request, new TestContext()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffprobe", "loudness"})
    void aFolderNamedLikeAVideoIsNotAFile(String id) throws Exception {
        Path folder = Files.createDirectory(temp.resolve("folder.mkv"));
        assertEquals(new EnrichmentResult.Failed("not a regular file"), withoutProgram(id).enrich(FfprobeEnricherTest.request(folder), new TestContext()));
    }

    /** Opening a FIFO waits for a writer: it is never opened. */
    @ParameterizedTest
    @ValueSource(strings = {"ffprobe", "loudness"})
    void aFifoNamedLikeAVideoIsNotAFile(String id) throws Exception {
        Path fifo = temp.resolve("fifo.mkv");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        var request = FfprobeEnricherTest.request(fifo);
        assertEquals(new EnrichmentResult.Failed("not a regular file"),
                assertTimeoutPreemptively(Duration.ofSeconds(5), () -> withoutProgram(id).enrich(request, new TestContext())));
    }

    /** chmod 000 stops every user but root, which reads any file (CAP_DAC_OVERRIDE): as root this is skipped, and the next test runs. */
    @ParameterizedTest
    @ValueSource(strings = {"ffprobe", "loudness"})
    void aFileWithoutReadPermissionCannotBeRead(String id) throws Exception {
        Path file = Files.copy(FfprobeEnricherTest.MEDIA.resolve("h264-aac-faststart.mp4"), temp.resolve("locked.mp4"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file),
                "skipped: this user reads a chmod 000 file (root, CAP_DAC_OVERRIDE); the I/O error case (aFileWhoseReadFails...) covers it");
        assertEquals(new EnrichmentResult.Failed("the file cannot be read: permission denied"),
                withoutProgram(id).enrich(FfprobeEnricherTest.request(file), new TestContext()));
    }

    /**
     * A file that opens but whose read fails, for root too: {@code /proc/self/mem} read from offset 0 (never mapped)
     * fails with EIO in every process, as a failing disk or a dropped network mount would.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ffprobe", "loudness"})
    void aFileWhoseReadFailsCannotBeRead(String id) throws Exception {
        Path file = Files.createSymbolicLink(temp.resolve("failing-disk.mkv"), Path.of("/proc/self/mem"));
        assertEquals(new EnrichmentResult.Failed("the file cannot be read: Input/output error"),
                withoutProgram(id).enrich(FfprobeEnricherTest.request(file), new TestContext()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffprobe", "loudness"})
    void theProgramsComplaintIsTheOneLineReason(String id) throws Exception {
        Path fake = FakeTools.script(temp, "tool", "echo 'first line' >&2\necho 'file:x.avi: Invalid data found when processing input' >&2\nexit 1");
        String program = id.equals("ffprobe") ? "ffprobe" : "ffmpeg";
        // ffprobe runs with -v error: its first line is the complaint; ffmpeg logs as it goes: its last line is.
        String said = id.equals("ffprobe") ? "first line" : "file:x.avi: Invalid data found when processing input";
        assertEquals(new EnrichmentResult.Failed(program + " cannot read it: " + said), running(id, fake).enrich(FfprobeEnricherTest.request(AVI), new TestContext()));
    }

    /** A hostile file can make a program write without end: what is kept of it is bounded (BoundedOutputTest), the reason one line. */
    @ParameterizedTest
    @ValueSource(strings = {"ffprobe", "loudness"})
    void endlessOutputGivesAOneLineReason(String id) throws Exception {
        Path fake = FakeTools.script(temp, "tool", "head -c 30000000 /dev/zero | tr '\\0' 'x' >&2\nhead -c 30000000 /dev/zero | tr '\\0' '\\n'\nexit 1");
        EnrichmentResult.Failed failed = failed(running(id, fake).enrich(FfprobeEnricherTest.request(AVI), new TestContext()));
        assertTrue(failed.reason().length() < 400, failed.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffprobe", "loudness"})
    void aProgramThatHangsIsKilledAtItsTimeLimitWithWhatItStarted(String id) throws Exception {
        Path pid = temp.resolve("pid");
        Path child = temp.resolve("child");
        Path fake = FakeTools.script(temp, "tool", "echo $$ > '" + pid + "'\nsleep 60 &\necho $! > '" + child + "'\nwait\necho '{}'");
        long start = System.nanoTime();
        EnrichmentResult result = running(id, fake).enrich(FfprobeEnricherTest.request(AVI), new TestContext(Duration.ofMillis(700), Map.of()));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(new EnrichmentResult.Failed(id.equals("ffprobe") ? "ffprobe did not answer in time; it was stopped"
                : "ffmpeg did not finish measuring in time; it was stopped"), result);
        assertTrue(tookMillis < 5_000, "stopped at its limit, not when it ended: " + tookMillis + " ms");
        assertFalse(FakeTools.running(FakeTools.pid(pid)), "the hung program is gone");
        assertFalse(FakeTools.running(FakeTools.pid(child)), "and so is what it started");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffprobe", "loudness"})
    void aCancelledRunIsStoppedWithWhatItStarted(String id) throws Exception {
        Path pid = temp.resolve("pid");
        Path child = temp.resolve("child");
        Path fake = FakeTools.script(temp, "tool", "echo $$ > '" + pid + "'\nsleep 60 &\necho $! > '" + child + "'\nwait");
        TestContext context = new TestContext(Duration.ofSeconds(60), Map.of());
        Thread.ofVirtual().start(() -> {
            try {
                FakeTools.pid(child); // mid-run: the program and its child are up
            } catch (Exception e) {
                // cancel anyway
            }
            context.cancel.set(true);
        });
        long start = System.nanoTime();
        EnrichmentResult result = running(id, fake).enrich(FfprobeEnricherTest.request(AVI), context);
        assertEquals(new EnrichmentResult.Failed("cancelled"), result);
        assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000);
        assertFalse(FakeTools.running(FakeTools.pid(pid)), "the cancelled program is gone");
        assertFalse(FakeTools.running(FakeTools.pid(child)), "and so is what it started");
    }

    /** Cancelled before it starts, or while it reads the file itself (reads stop on an interrupt): "cancelled", never the file's fault. */
    @ParameterizedTest
    @ValueSource(strings = {"ffprobe", "loudness"})
    void anInterruptBeforeAnyProgramIsACancelNotABadFile(String id) throws Exception {
        for (String fixture : java.util.List.of("h264-aac-faststart.mp4", "mpeg4-mp3.avi")) {
            var request = FfprobeEnricherTest.request(FfprobeEnricherTest.MEDIA.resolve(fixture));
            Thread.currentThread().interrupt();
            EnrichmentResult result;
            try {
                result = withoutProgram(id).enrich(request, new TestContext());
            } finally {
                assertTrue(Thread.interrupted(), "the interrupt is kept");
            }
            assertEquals(new EnrichmentResult.Failed("cancelled"), result, fixture);
        }
    }

    /** The program's other way of cancelling: the thread running the enricher is interrupted (Ctrl-C, a shell's interrupt). */
    @ParameterizedTest
    @ValueSource(strings = {"ffprobe", "loudness"})
    void anInterruptedRunIsStoppedWithWhatItStarted(String id) throws Exception {
        Path pid = temp.resolve("pid");
        Path child = temp.resolve("child");
        Path fake = FakeTools.script(temp, "tool", "echo $$ > '" + pid + "'\nsleep 60 &\necho $! > '" + child + "'\nwait");
        AtomicReference<EnrichmentResult> result = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread worker = Thread.ofPlatform().start(() -> {
            try {
                result.set(running(id, fake).enrich(FfprobeEnricherTest.request(AVI), new TestContext(Duration.ofSeconds(60), Map.of())));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        FakeTools.pid(child);
        worker.interrupt();
        worker.join(5_000);
        assertFalse(worker.isAlive(), "the enricher returned");
        assertEquals(new EnrichmentResult.Failed("cancelled"), result.get());
        assertTrue(stillInterrupted.get(), "the interrupt is kept for the program to see");
        assertFalse(FakeTools.running(FakeTools.pid(pid)), "the interrupted program is gone");
        assertFalse(FakeTools.running(FakeTools.pid(child)), "and so is what it started");
    }
}
