package org.retrovue.plugin.ffprobe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.retrovue.plugin.ffprobe.fastpath.FastProbe;
import org.retrovue.plugin.ffprobe.fastpath.ProbeResult;
import org.retrovue.spi.MediaFacts;

/**
 * ffprobe's committed answers read into the SPI's facts, and compared with what the fast path gives for the same
 * file as the SPI's facts: the two ways the enricher fills an item must agree.
 */
class FfprobeAnswerTest {
    static Stream<String> readable() throws IOException {
        try (Stream<Path> files = Files.list(FfprobeEnricherTest.MEDIA)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".ffprobe.json")).map(n -> n.replace(".ffprobe.json", ""))
                    .filter(n -> !n.startsWith("bad-")).sorted().toList().stream();
        }
    }

    static MediaFacts answer(String fixture) throws IOException {
        return FfprobeAnswer.read(Files.readString(FfprobeEnricherTest.MEDIA.resolve(fixture + ".ffprobe.json")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readable")
    void ffprobesAnswerAgreesWithTheFastPathWhereItReads(String fixture) throws IOException {
        MediaFacts fromFfprobe = answer(fixture);
        if (fixture.equals("h264-aac-no-duration.mkv")) {
            assertNull(fromFfprobe.durationMillis(), "ffprobe states no duration for a Matroska file without one, and none is made up");
        } else {
            assertTrue(fromFfprobe.durationMillis() != null && fromFfprobe.durationMillis() > 0, fixture + ": " + fromFfprobe);
        }
        assertTrue(!fromFfprobe.video().isEmpty() && !fromFfprobe.audio().isEmpty(), fixture + ": " + fromFfprobe);
        if (!(FastProbe.probe(FfprobeEnricherTest.MEDIA.resolve(fixture)) instanceof ProbeResult.Known known)) {
            return;
        }
        MediaFacts fast = FastFacts.toSpi(known.facts());
        assertEquals(fromFfprobe.container(), fast.container(), fixture);
        assertTrue(Math.abs(fromFfprobe.durationMillis() - fast.durationMillis()) <= 100, fixture + ": " + fromFfprobe.durationMillis() + " vs " + fast.durationMillis());
        assertEquals(fromFfprobe.video().stream().map(v -> List.of(v.codec(), v.width(), v.height())).toList(),
                fast.video().stream().map(v -> List.of(v.codec(), v.width(), v.height())).toList(), fixture);
        assertEquals(fromFfprobe.audio().stream().map(a -> java.util.Arrays.asList(a.codec(), a.channels(), a.sampleRate(), a.language())).toList(),
                fast.audio().stream().map(a -> java.util.Arrays.asList(a.codec(), a.channels(), a.sampleRate(), a.language())).toList(), fixture);
        assertEquals(fromFfprobe.subtitles().stream().map(MediaFacts.Subtitle::codec).toList(), fast.subtitles().stream().map(MediaFacts.Subtitle::codec).toList(), fixture);
        if (fast.chapters() != null) {
            assertEquals(fromFfprobe.chapters().stream().map(MediaFacts.Chapter::title).toList(), fast.chapters().stream().map(MediaFacts.Chapter::title).toList(), fixture);
        }
    }

    @Test
    void anInterlacedMpegTsReadsAsFfprobeSaysIt() throws IOException {
        MediaFacts ts = answer("mpeg2-interlaced-ac3-51.ts");
        assertEquals("mpegts", ts.container());
        MediaFacts.Video video = ts.video().getFirst();
        assertEquals(List.of("mpeg2video", 160, 96), List.of(video.codec(), video.width(), video.height()));
        assertEquals(MediaFacts.ScanType.INTERLACED, video.scanType());
        assertEquals(25.0, video.frameRate());
        assertEquals("1:1", video.sampleAspect());
        assertEquals("5:3", video.displayAspect());
        assertEquals(6, ts.defaultAudio().channels());
    }

    @Test
    void chaptersAndSubtitlesAreRead() throws IOException {
        MediaFacts mkv = answer("h264-vorbis-chapters-subtitle.mkv");
        assertTrue(!mkv.chapters().isEmpty() && mkv.chapters().getFirst().startMillis() == 0, mkv.chapters().toString());
        assertEquals(1, mkv.subtitles().size());
    }

    @Test
    void unknownValuesAreNullAndCoverArtIsNoVideo() {
        MediaFacts facts = FfprobeAnswer.read("""
                {"streams": [
                  {"codec_type": "video", "codec_name": "mjpeg", "width": 600, "height": 600, "disposition": {"attached_pic": 1}},
                  {"codec_type": "video", "codec_name": "h264", "width": 640, "height": 480, "avg_frame_rate": "0/0",
                   "sample_aspect_ratio": "0:1", "display_aspect_ratio": "N/A"},
                  {"codec_type": "audio", "codec_name": "aac", "channels": 2, "sample_rate": "48000", "disposition": {"default": 1},
                   "tags": {"language": "fr\\u00e9"}},
                  {"codec_type": "data", "codec_name": "bin_data"}],
                 "format": {"format_name": "mov,mp4,m4a,3gp,3g2,mj2", "duration": "N/A", "bit_rate": 12345}}
                """);
        assertEquals(1, facts.video().size(), "cover art is not a video stream");
        MediaFacts.Video video = facts.video().getFirst();
        assertNull(video.frameRate());
        assertNull(video.sampleAspect());
        assertNull(video.displayAspect());
        assertEquals(MediaFacts.ScanType.UNKNOWN, video.scanType());
        assertNull(facts.durationMillis());
        assertEquals(12345L, facts.bitRate());
        assertTrue(facts.defaultAudio().defaultStream());
        assertEquals("fr\u00e9", facts.defaultAudio().language());
        assertEquals(List.of(), facts.chapters());
    }

    @Test
    void textThatIsNotAnAnswerIsRefused() {
        for (String bad : List.of("", "[]", "{}", "{\"format\": 1}", "{\"format\": {}} x", "{\"a\": [1, 2", "[".repeat(100) + "]".repeat(100))) {
            assertThrows(IllegalArgumentException.class, () -> FfprobeAnswer.read(bad), bad);
        }
        assertEquals(Map.of("a", List.of(1L, -2.5, true, false)), Json.parse("{\"a\": [1, -2.5e0, true, false], \"b\": null}") instanceof Map<?, ?> m
                ? Map.of("a", m.get("a")) : null);
    }
}
