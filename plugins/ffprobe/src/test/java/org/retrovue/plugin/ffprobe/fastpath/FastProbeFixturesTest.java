package org.retrovue.plugin.ffprobe.fastpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every committed fixture against ffprobe's committed answer (src/test/fixtures/make-fixtures): the fast path
 * either declines or says what ffprobe says. The table also fixes which fixtures it must read, so a fast path that
 * declined everything would fail here.
 */
class FastProbeFixturesTest {
    static final Path MEDIA = Path.of("src/test/fixtures/media");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Fixture -> "" when the fast path must read it, else a part of the reason it must give for declining. */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("h264-aac-faststart.mp4", ""),
            Map.entry("h264-aac-moov-at-end.mp4", ""),
            Map.entry("hevc-aac51.mp4", ""),
            Map.entry("mpeg4-aac.m4v", ""),
            Map.entry("mpeg2-ac3.mp4", ""),
            Map.entry("h264-aac-subtitle.mp4", ""),
            Map.entry("h264-aac51.mov", ""),
            Map.entry("mpeg4-pcm.mov", ""),
            Map.entry("av1-aac.mp4", ""),
            Map.entry("h264-vorbis-chapters-subtitle.mkv", ""),
            Map.entry("hevc-ac3-51.mkv", ""),
            Map.entry("h264-interlaced-mp2.mkv", ""),
            Map.entry("mpeg4-mp3.mkv", ""),
            Map.entry("vp9-opus.webm", ""),
            Map.entry("vp9-opus-ietf-language.mkv", ""),
            Map.entry("av1-opus.webm", ""),
            Map.entry("h264-aac-no-duration.mkv", "without a Duration"),
            Map.entry("h264-aac-chapters.mp4", "QuickTime chapter track"),
            Map.entry("mpeg4-mp3.avi", "neither MP4/MOV nor Matroska/WebM"),
            Map.entry("mpeg2-interlaced-ac3-51.ts", "neither MP4/MOV nor Matroska/WebM"),
            Map.entry("mpeg2-mp2.mpg", "neither MP4/MOV nor Matroska/WebM"),
            Map.entry("bad-zero-bytes.mp4", "empty file"),
            Map.entry("bad-truncated-in-moov.mp4", "runs past the end of the file"),
            Map.entry("bad-truncated-in-mdat.mp4", "runs past the end of the file"),
            Map.entry("bad-truncated-no-moov.mp4", "runs past the end of the file"),
            Map.entry("bad-truncated.mkv", "truncated"),
            Map.entry("bad-text.mkv", "neither MP4/MOV nor Matroska/WebM"),
            Map.entry("bad-text.mp4", "neither MP4/MOV nor Matroska/WebM"));

    static List<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(MEDIA)) {
            return files.filter(f -> !f.getFileName().toString().contains(".ffprobe.")).sorted().toList();
        }
    }

    static Stream<Arguments> cases() throws IOException {
        return fixtures().stream().map(f -> Arguments.of(f.getFileName().toString(), f));
    }

    @Test
    void theTableCoversEveryFixture() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        fixtures().forEach(f -> names.add(f.getFileName().toString()));
        assertEquals(new TreeSet<>(EXPECTED.keySet()), names);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void declinesOrAgreesWithFfprobe(String name, Path file) throws IOException {
        ProbeResult result = FastProbe.probe(file);
        String expected = EXPECTED.get(name);
        JsonNode answer = JSON.readTree(MEDIA.resolve(name + ".ffprobe.json").toFile());
        boolean ffprobeFailed = Files.exists(MEDIA.resolve(name + ".ffprobe.err")) && !answer.has("format");
        if (!expected.isEmpty()) {
            ProbeResult.AskFfprobe ask = assertInstanceOf(ProbeResult.AskFfprobe.class, result, name + ": " + result);
            assertTrue(ask.reason().contains(expected), name + ": " + ask.reason());
            return;
        }
        assertTrue(!ffprobeFailed, name + ": ffprobe could not read it, the fast path must not either");
        if (!(result instanceof ProbeResult.Known known)) {
            fail(name + " declined: " + ((ProbeResult.AskFfprobe) result).reason());
            return;
        }
        compare(name, known.facts(), answer);
    }

    static void compare(String name, MediaFacts facts, JsonNode answer) {
        JsonNode format = answer.get("format");
        assertEquals(format.get("format_name").asText(), facts.formatName(), name);
        double duration = format.get("duration").asDouble();
        assertTrue(Math.abs(duration - facts.durationSeconds()) <= 0.1,
                name + ": duration " + facts.durationSeconds() + " vs ffprobe's " + duration);
        assertTrue(Math.abs(format.get("bit_rate").asLong() - facts.bitRate()) <= format.get("bit_rate").asLong() / 20,
                name + ": bit rate " + facts.bitRate());

        List<JsonNode> video = streams(answer, "video");
        assertEquals(video.size(), facts.video().size(), name + ": video streams");
        for (int i = 0; i < video.size(); i++) {
            JsonNode s = video.get(i);
            MediaFacts.Video v = facts.video().get(i);
            String what = name + " video " + i;
            assertEquals(s.get("codec_name").asText(), v.codec(), what);
            assertEquals(s.get("width").asInt(), v.width(), what);
            assertEquals(s.get("height").asInt(), v.height(), what);
            assertEquals(language(s), v.language(), what + " language");
            if (v.frameRate() != null) {
                double rate = rational(s.get("avg_frame_rate").asText());
                assertTrue(Math.abs(rate - v.frameRate()) <= rate / 100, what + ": frame rate " + v.frameRate());
            }
            if (v.sampleAspect() != null) {
                assertEquals(s.get("sample_aspect_ratio").asText(), v.sampleAspect(), what);
                assertEquals(s.get("display_aspect_ratio").asText(), v.displayAspect(), what);
            }
            if (v.scanType() != MediaFacts.ScanType.UNKNOWN) {
                String order = s.path("field_order").asText("");
                assertEquals(order.equals("progressive") ? MediaFacts.ScanType.PROGRESSIVE : MediaFacts.ScanType.INTERLACED,
                        v.scanType(), what + ": field order " + order);
            }
        }
        List<JsonNode> audio = streams(answer, "audio");
        assertEquals(audio.size(), facts.audio().size(), name + ": audio streams");
        for (int i = 0; i < audio.size(); i++) {
            JsonNode s = audio.get(i);
            MediaFacts.Audio a = facts.audio().get(i);
            String what = name + " audio " + i;
            assertEquals(s.get("codec_name").asText(), a.codec(), what);
            assertEquals(s.get("channels").asInt(), a.channels(), what);
            assertEquals(s.get("sample_rate").asInt(), a.sampleRate(), what);
            assertEquals(language(s), a.language(), what + " language");
        }
        List<JsonNode> subtitles = streams(answer, "subtitle");
        assertEquals(subtitles.size(), facts.subtitles().size(), name + ": subtitle streams");
        for (int i = 0; i < subtitles.size(); i++) {
            assertEquals(subtitles.get(i).get("codec_name").asText(), facts.subtitles().get(i).codec(), name);
            assertEquals(language(subtitles.get(i)), facts.subtitles().get(i).language(), name + " subtitle language");
        }
        if (facts.chapters() != null) {
            JsonNode chapters = answer.path("chapters");
            assertEquals(chapters.size(), facts.chapters().size(), name + ": chapters");
            for (int i = 0; i < chapters.size(); i++) {
                MediaFacts.Chapter c = facts.chapters().get(i);
                assertTrue(Math.abs(chapters.get(i).get("start_time").asDouble() - c.startSeconds()) <= 0.01, name);
                assertEquals(chapters.get(i).path("tags").path("title").asText(null), c.title(), name);
            }
        }
    }

    private static List<JsonNode> streams(JsonNode answer, String type) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode s : answer.path("streams")) {
            if (s.get("codec_type").asText().equals(type) && s.path("disposition").path("attached_pic").asInt() == 0) {
                found.add(s);
            }
        }
        return found;
    }

    private static String language(JsonNode stream) {
        return stream.path("tags").path("language").asText(null);
    }

    private static double rational(String text) {
        String[] parts = text.split("/");
        return Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
    }
}
