package org.retrovue.plugin.ffprobe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.retrovue.spi.EnrichmentResult;
import org.retrovue.spi.MediaFacts;

/**
 * The loudness enricher against the real ffmpeg: on each fixture it must give what ffmpeg's own summary said when
 * the fixtures were made (loudness-answers.tsv, by make-loudness-answers), and on the bad files a one-line failure.
 * Skipped, with the reason, where ffmpeg is not installed.
 */
class RealLoudnessTest {
    private static final LoudnessEnricher ENRICHER = new LoudnessEnricher();
    private static final Path ANSWERS = Path.of("src/test/fixtures/loudness-answers.tsv");

    @TempDir
    Path temp;

    @BeforeEach
    void needsFfmpeg() {
        RealTools.need(ENRICHER);
    }

    static Stream<String> answers() throws IOException {
        return Files.readAllLines(ANSWERS).stream().filter(l -> !l.startsWith("#") && !l.startsWith("fixture\t"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void itMeasuresWhatFfmpegMeasured(String answer) throws IOException {
        String[] columns = answer.split("\t");
        long start = System.nanoTime();
        EnrichmentResult result = ENRICHER.enrich(FfprobeEnricherTest.request(FfprobeEnricherTest.MEDIA.resolve(columns[0])),
                new TestContext(Duration.ofSeconds(60), Map.of()));
        long micros = (System.nanoTime() - start) / 1000;
        MediaFacts.Loudness loudness = assertInstanceOf(EnrichmentResult.Filled.class, result, result::toString).facts().loudness();
        assertEquals(Double.parseDouble(columns[1]), loudness.integratedLufs(), 0.05, columns[0]);
        assertEquals(Double.parseDouble(columns[2]), loudness.rangeLu(), 0.05, columns[0]);
        if (columns[3].equals("-inf")) {
            assertEquals(null, loudness.truePeakDbtp(), columns[0]);
        } else {
            assertEquals(Double.parseDouble(columns[3]), loudness.truePeakDbtp(), 0.05, columns[0]);
        }
        System.out.printf("loudness %s: %.1f LUFS in %d ms%n", columns[0], loudness.integratedLufs(), micros / 1000);
    }

    @Test
    void everyReadableFixtureHasAnAnswer() throws IOException {
        try (Stream<Path> files = Files.list(FfprobeEnricherTest.MEDIA)) {
            List<String> fixtures = files.map(f -> f.getFileName().toString()).filter(n -> !n.contains(".ffprobe.") && !n.startsWith("bad-")).sorted().toList();
            assertEquals(fixtures, answers().map(l -> l.split("\t")[0]).sorted().toList(), "rerun src/test/fixtures/make-loudness-answers");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bad-text.mkv", "bad-text.mp4", "bad-truncated.mkv", "bad-truncated-in-moov.mp4", "bad-truncated-no-moov.mp4"})
    void aFileFfmpegCannotReadFailsWithItsOneLineReason(String fixture) throws IOException {
        EnrichmentResult result = ENRICHER.enrich(FfprobeEnricherTest.request(FfprobeEnricherTest.MEDIA.resolve(fixture)), new TestContext());
        EnrichmentResult.Failed failed = assertInstanceOf(EnrichmentResult.Failed.class, result, result::toString);
        assertTrue(failed.reason().startsWith("ffmpeg cannot read it: file:"), failed.reason());
        assertFalse(failed.reason().contains("\n"), failed.reason());
    }

    @Test
    void aFileTruncatedBeforeItsAudioFails() throws IOException {
        assertEquals(new EnrichmentResult.Failed("no audio could be decoded"),
                ENRICHER.enrich(FfprobeEnricherTest.request(FfprobeEnricherTest.MEDIA.resolve("bad-truncated-in-mdat.mp4")), new TestContext()));
    }

    @Test
    void aFileWithoutAudioFails() throws Exception {
        Path video = temp.resolve("video-only.mkv");
        Process make = new ProcessBuilder("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc2=size=64x36:rate=5:duration=1", "-c:v", "mpeg4", video.toString()).redirectErrorStream(true).start();
        assertTrue(make.waitFor(60, TimeUnit.SECONDS) && make.exitValue() == 0, () -> "ffmpeg made no video-only file");
        assertEquals(new EnrichmentResult.Failed("no audio stream"), ENRICHER.enrich(FfprobeEnricherTest.request(video), new TestContext()));
    }

    /** The file passed the enricher's check and is gone when ffmpeg opens it. */
    @Test
    void aFileThatVanishesBeforeFfmpegOpensItFails() {
        Path ffmpeg = ((ToolLocator.Found.At) ToolLocator.ffmpeg(System::getenv).find(null)).program();
        EnrichmentResult result = LoudnessRunner.run(ffmpeg, temp.resolve("vanished.mkv"), 0, new TestContext());
        assertEquals(new EnrichmentResult.Failed("ffmpeg cannot read it: file:" + temp.resolve("vanished.mkv").toAbsolutePath() + ": No such file or directory"),
                result);
    }
}
