package org.retrovue.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SPI 1.6 enricher pieces: immutable records, what an enricher gets by default, and how facts combine. */
class EnricherSpiTest {
    private static final MediaFacts.Audio STEREO = new MediaFacts.Audio("aac", 2, 48000, "eng", false);
    private static final MediaFacts.Audio SURROUND = new MediaFacts.Audio("ac3", 6, 48000, "fra", true);

    /** The least an enricher implements; everything else has a default. */
    private static final Enricher MINIMAL = new Enricher() {
        public String id() { return "minimal"; }
        public String description() { return "does nothing"; }
        public String version() { return "1"; }
        public int spiMajorVersion() { return SpiVersion.MAJOR; }
        public EnrichmentResult enrich(EnrichmentRequest request, EnrichmentContext context) {
            return new EnrichmentResult.Declined("nothing to do");
        }
    };

    @Test
    void anEnricherNeedsNoOptionsAndRunsAnywhereByDefault() {
        assertEquals(List.of(), MINIMAL.options());
        assertTrue(MINIMAL.unavailable().isEmpty());
        assertEquals(6, SpiVersion.MINOR, "SPI 1.6 brought enrichers");
    }

    @Test
    void factsAreImmutableAndNullListsAreEmpty() {
        List<MediaFacts.Audio> audio = new ArrayList<>(List.of(STEREO));
        MediaFacts facts = new MediaFacts("matroska,webm", 1000L, null, null, audio, null, null, null);
        audio.clear();
        assertEquals(List.of(STEREO), facts.audio(), "a copy is kept");
        assertThrows(UnsupportedOperationException.class, () -> facts.audio().add(SURROUND));
        assertEquals(List.of(), facts.video());
        assertEquals(List.of(), facts.subtitles());
        assertNull(facts.chapters(), "chapters not read stay null: not the same as none");
        assertEquals(MediaFacts.ScanType.UNKNOWN, new MediaFacts.Video("h264", 1, 1, null, null, null, null, null).scanType());
    }

    @Test
    void theDefaultAudioIsTheFlaggedStreamElseTheFirst() {
        assertSame(SURROUND, new MediaFacts(null, null, null, List.of(), List.of(STEREO, SURROUND), List.of(), null, null).defaultAudio());
        assertSame(STEREO, new MediaFacts(null, null, null, List.of(), List.of(STEREO), List.of(), null, null).defaultAudio());
        assertNull(MediaFacts.NONE.defaultAudio());
    }

    @Test
    void factsMergeOverWhatEarlierEnrichersFilled() {
        MediaFacts probe = new MediaFacts("mpegts", 60_000L, 800_000L, List.of(), List.of(STEREO), List.of(), List.of(), null);
        MediaFacts loudness = new MediaFacts(null, null, null, List.of(), List.of(), List.of(), null, new MediaFacts.Loudness(-23.1, 7.0, -1.5));
        MediaFacts merged = loudness.mergedOver(probe);
        assertEquals(new MediaFacts("mpegts", 60_000L, 800_000L, List.of(), List.of(STEREO), List.of(), List.of(), new MediaFacts.Loudness(-23.1, 7.0, -1.5)), merged);
        assertEquals(61_000L, new MediaFacts(null, 61_000L, null, null, null, null, null, null).mergedOver(probe).durationMillis(), "what is measured later wins");
    }

    @Test
    void aRequestAndResultsHoldWhatTheyMust() {
        ScannedItem item = ScannedItem.file("a.mkv", "/m/a.mkv", 10, Instant.EPOCH, "A");
        assertSame(MediaFacts.NONE, new EnrichmentRequest(Path.of("/m/a.mkv"), 10, Instant.EPOCH, item, null).known());
        assertThrows(NullPointerException.class, () -> new EnrichmentRequest(null, 10, Instant.EPOCH, item, null));
        assertThrows(NullPointerException.class, () -> new EnrichmentRequest(Path.of("/m/a.mkv"), 10, Instant.EPOCH, null, null));
        assertThrows(NullPointerException.class, () -> new EnrichmentResult.Failed(null));
        assertThrows(NullPointerException.class, () -> new EnrichmentResult.Declined(null));
        assertThrows(NullPointerException.class, () -> new EnrichmentResult.Filled(null));
    }

    @Test
    void theTimeLeftIsNeverNegative() {
        Instant now = Instant.parse("2026-12-02T03:00:00Z");
        EnrichmentContext context = new EnrichmentContext() {
            public Clock clock() { return Clock.fixed(now, ZoneOffset.UTC); }
            public System.Logger logger() { return System.getLogger("test"); }
            public Instant deadline() { return now.minusSeconds(1); }
        };
        assertEquals(Duration.ZERO, context.remaining());
        assertEquals(java.util.Map.of(), context.options());
    }
}
