package org.retrovue.plugin.ffprobe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.retrovue.spi.EnrichmentResult;
import org.retrovue.spi.MediaFacts;

/**
 * The enricher against the real ffprobe, on the fixtures the fast path leaves to it: its facts must be those of
 * ffprobe's committed answer. Skipped, with the reason, where ffprobe is not installed.
 */
class RealFfprobeTest {
    private static final FfprobeEnricher ENRICHER = new FfprobeEnricher();

    /** Per test, so that each shows as skipped with the reason (a class-level assumption is reported as nothing run). */
    @BeforeEach
    void needsFfprobe() {
        assumeTrue(ENRICHER.unavailable().isEmpty(), () -> "skipped: " + ENRICHER.unavailable().orElseThrow());
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
    @ValueSource(strings = {"bad-text.mkv", "bad-zero-bytes.mp4", "bad-truncated-no-moov.mp4"})
    void aFileFfprobeCannotReadFailsWithItsOneLineReason(String fixture) throws IOException {
        EnrichmentResult result = ENRICHER.enrich(FfprobeEnricherTest.request(FfprobeEnricherTest.MEDIA.resolve(fixture)), new TestContext());
        EnrichmentResult.Failed failed = assertInstanceOf(EnrichmentResult.Failed.class, result, result::toString);
        assertTrue(failed.reason().startsWith("ffprobe cannot read it"), failed.reason());
        assertTrue(!failed.reason().contains("\n"), failed.reason());
    }
}
