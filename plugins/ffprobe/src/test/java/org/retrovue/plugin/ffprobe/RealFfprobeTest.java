package org.retrovue.plugin.ffprobe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.retrovue.spi.EnrichmentResult;
import org.retrovue.spi.MediaFacts;

/**
 * The enricher against the real ffprobe, on the fixtures the fast path leaves to it: its facts must be those of
 * ffprobe's committed answer; and the bad files it must fail on. Skipped, with the reason, where ffprobe is not installed.
 */
class RealFfprobeTest {
    private static final FfprobeEnricher ENRICHER = new FfprobeEnricher();

    @BeforeEach
    void needsFfprobe() {
        RealTools.need(ENRICHER);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mpeg4-mp3.avi", "mpeg2-interlaced-ac3-51.ts", "mpeg2-mp2.mpg", "h264-aac-no-duration.mkv", "h264-aac-chapters.mp4"})
    void itFillsWhatFfprobeSays(String fixture) throws IOException {
        EnrichmentResult result = ENRICHER.enrich(FfprobeEnricherTest.request(FfprobeEnricherTest.MEDIA.resolve(fixture)),
                new TestContext(Duration.ofSeconds(30), Map.of()));
        MediaFacts facts = assertInstanceOf(EnrichmentResult.Filled.class, result, result::toString).facts();
        MediaFacts committed = FfprobeAnswerTest.answer(fixture);
        assertEquals(committed.container(), facts.container());
        if (committed.durationMillis() == null) {
            assertEquals(null, facts.durationMillis());
        } else {
            assertTrue(Math.abs(committed.durationMillis() - facts.durationMillis()) <= 100, facts.durationMillis() + " vs " + committed.durationMillis());
        }
        assertEquals(committed.video().stream().map(v -> List.of(v.codec(), v.width(), v.height(), v.scanType())).toList(),
                facts.video().stream().map(v -> List.of(v.codec(), v.width(), v.height(), v.scanType())).toList());
        assertEquals(committed.audio(), facts.audio());
        assertEquals(committed.subtitles(), facts.subtitles());
        assertEquals(committed.chapters().stream().map(MediaFacts.Chapter::title).toList(), facts.chapters().stream().map(MediaFacts.Chapter::title).toList());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bad-text.mkv", "bad-text.mp4", "bad-truncated.mkv", "bad-truncated-in-moov.mp4", "bad-truncated-no-moov.mp4"})
    void aFileFfprobeCannotReadFailsWithItsOneLineReason(String fixture) throws IOException {
        EnrichmentResult result = ENRICHER.enrich(FfprobeEnricherTest.request(FfprobeEnricherTest.MEDIA.resolve(fixture)), new TestContext());
        EnrichmentResult.Failed failed = assertInstanceOf(EnrichmentResult.Failed.class, result, result::toString);
        assertTrue(failed.reason().startsWith("ffprobe cannot read it"), failed.reason());
        assertTrue(!failed.reason().contains("\n"), failed.reason());
    }

    /** Its header is whole, its data cut: ffprobe reads the header, and says the data is partial. */
    @Test
    void aFileTruncatedInItsDataFails() throws IOException {
        EnrichmentResult result = ENRICHER.enrich(FfprobeEnricherTest.request(FfprobeEnricherTest.MEDIA.resolve("bad-truncated-in-mdat.mp4")), new TestContext());
        assertEquals(new EnrichmentResult.Failed("the file is truncated: ffprobe says: [mov,mp4,m4a,3gp,3g2,mj2] stream 1, offset 0x1109: partial file"), result);
    }

    /** The file passed the enricher's check and is gone when ffprobe opens it. */
    @Test
    void aFileThatVanishesBeforeFfprobeOpensItFails(@TempDir Path temp) {
        Path ffprobe = ((ToolLocator.Found.At) ToolLocator.ffprobe(System::getenv).find(null)).program();
        EnrichmentResult result = FfprobeRunner.run(ffprobe, temp.resolve("vanished.mkv"), new TestContext());
        assertEquals(new EnrichmentResult.Failed("ffprobe cannot read it: file:" + temp.resolve("vanished.mkv").toAbsolutePath() + ": No such file or directory"),
                result);
    }
}
