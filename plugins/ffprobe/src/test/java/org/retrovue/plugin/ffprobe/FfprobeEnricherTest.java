package org.retrovue.plugin.ffprobe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retrovue.spi.EnrichmentRequest;
import org.retrovue.spi.EnrichmentResult;
import org.retrovue.spi.MediaFacts;
import org.retrovue.spi.ScannedItem;
import org.retrovue.spi.SpiVersion;

/**
 * The ffprobe enricher without a real ffprobe: the fast path alone, a missing ffprobe, and fake ffprobe scripts
 * (one that answers with a committed answer, one that fails). BadInputTest holds the bad files, the hung and the
 * cancelled probe.
 */
class FfprobeEnricherTest {
    static final Path MEDIA = Path.of("src/test/fixtures/media");

    @TempDir
    Path temp;

    /** An enricher that sees only {@code env} (no PATH unless given). */
    private static FfprobeEnricher enricher(Map<String, String> env) {
        return new FfprobeEnricher(env::get);
    }

    static EnrichmentRequest request(Path file) throws IOException {
        long size = Files.exists(file) ? Files.size(file) : -1;
        return new EnrichmentRequest(file, size, Instant.EPOCH, ScannedItem.file(file.getFileName().toString(), file.toString(), size, Instant.EPOCH, null), null);
    }

    private Path script(String name, String body) throws IOException {
        return FakeTools.script(temp, name, body);
    }

    @Test
    void itDescribesItselfAsTheSpiAsks() {
        FfprobeEnricher e = new FfprobeEnricher();
        assertEquals("ffprobe", e.id());
        assertTrue(e.id().matches("[a-z][a-z0-9-]*"));
        assertEquals(SpiVersion.MAJOR, e.spiMajorVersion());
        assertFalse(e.version().isBlank());
        assertFalse(e.description().isBlank());
        assertFalse(e.description().contains("\n"));
        assertEquals(List.of("path"), e.options().stream().map(o -> o.name()).toList());
    }

    @Test
    void withoutFfprobeItIsUnavailableAndSaysWhatToInstall() {
        assertEquals("ffprobe is not installed: install Debian's ffmpeg package or set RETROVUE_FFPROBE",
                enricher(Map.of("PATH", temp.toString())).unavailable().orElseThrow());
        assertEquals("RETROVUE_FFPROBE names /no/ffprobe, which is not an executable file; install Debian's ffmpeg package or correct it",
                enricher(Map.of("RETROVUE_FFPROBE", "/no/ffprobe", "PATH", "/usr/bin:/bin")).unavailable().orElseThrow(),
                "a wrong RETROVUE_FFPROBE is not quietly replaced by another ffprobe");
    }

    @Test
    void theFastPathFillsMp4AndMatroskaWithoutFfprobe() throws IOException {
        FfprobeEnricher e = enricher(Map.of());
        for (String name : List.of("h264-aac-faststart.mp4", "hevc-ac3-51.mkv")) {
            EnrichmentResult.Filled filled = assertInstanceOf(EnrichmentResult.Filled.class, e.enrich(request(MEDIA.resolve(name)), new TestContext()), name);
            MediaFacts facts = filled.facts();
            assertTrue(facts.durationMillis() != null && facts.durationMillis() > 0, name + ": " + facts);
            assertEquals(1, facts.video().size(), name);
            assertTrue(facts.defaultAudio() != null, name);
        }
    }

    @Test
    void whatTheFastPathCannotReadWaitsForFfprobeWhenThereIsNone() throws IOException {
        EnrichmentResult result = enricher(Map.of("PATH", temp.toString())).enrich(request(MEDIA.resolve("mpeg4-mp3.avi")), new TestContext());
        EnrichmentResult.Declined declined = assertInstanceOf(EnrichmentResult.Declined.class, result);
        assertEquals("waits for ffprobe (neither MP4/MOV nor Matroska/WebM): ffprobe is not installed: install Debian's ffmpeg package or set RETROVUE_FFPROBE",
                declined.reason());
    }

    @Test
    void aFileThatIsGoneFails() throws IOException {
        EnrichmentResult result = enricher(Map.of()).enrich(request(temp.resolve("vanished.mkv")), new TestContext());
        assertEquals(new EnrichmentResult.Failed("the file is gone"), result);
    }

    @Test
    void otherFilesGoToFfprobeWhoseJsonAnswerIsRead() throws IOException {
        Path answer = MEDIA.resolve("mpeg4-mp3.avi.ffprobe.json").toAbsolutePath();
        Path args = temp.resolve("args");
        Path fake = script("ffprobe", "printf '%s\\n' \"$@\" > '" + args + "'\ncat '" + answer + "'");
        // found on PATH
        EnrichmentResult result = enricher(Map.of("PATH", "/nowhere:" + temp)).enrich(request(MEDIA.resolve("mpeg4-mp3.avi")), new TestContext());
        MediaFacts facts = assertInstanceOf(EnrichmentResult.Filled.class, result, result::toString).facts();
        assertEquals("avi", facts.container());
        assertEquals("mpeg4", facts.video().getFirst().codec());
        assertEquals("mp3", facts.audio().getFirst().codec());
        List<String> given = Files.readAllLines(args);
        assertEquals(List.of("-v", "error", "-print_format", "json", "-show_format", "-show_streams", "-show_chapters", "-i"), given.subList(0, 8));
        assertEquals("file:" + MEDIA.resolve("mpeg4-mp3.avi").toAbsolutePath(), given.get(8), "a name is never read as an option or a protocol");

        // the option wins over RETROVUE_FFPROBE, which wins over PATH
        Path other = script("other-ffprobe", "echo option > '" + args + "'\ncat '" + answer + "'");
        enricher(Map.of("PATH", temp.toString(), "RETROVUE_FFPROBE", fake.toString()))
                .enrich(request(MEDIA.resolve("mpeg4-mp3.avi")), new TestContext(Duration.ofSeconds(30), Map.of("path", other.toString())));
        assertEquals(List.of("option"), Files.readAllLines(args));
        Path viaEnv = script("env-ffprobe", "echo env > '" + args + "'\ncat '" + answer + "'");
        enricher(Map.of("PATH", temp.toString(), "RETROVUE_FFPROBE", viaEnv.toString())).enrich(request(MEDIA.resolve("mpeg4-mp3.avi")), new TestContext());
        assertEquals(List.of("env"), Files.readAllLines(args));
    }

    @Test
    void ffprobesComplaintIsTheOneLineReason() throws IOException {
        Path fake = script("ffprobe", "echo 'file:x.avi: Invalid data found when processing input' >&2\necho second line >&2\nexit 1");
        EnrichmentResult result = enricher(Map.of("RETROVUE_FFPROBE", fake.toString())).enrich(request(MEDIA.resolve("bad-text.mkv")), new TestContext());
        assertEquals(new EnrichmentResult.Failed("ffprobe cannot read it: file:x.avi: Invalid data found when processing input"), result);
        Path garbage = script("garbage", "echo '{not json'");
        EnrichmentResult unreadable = enricher(Map.of("RETROVUE_FFPROBE", garbage.toString())).enrich(request(MEDIA.resolve("bad-text.mkv")), new TestContext());
        assertTrue(assertInstanceOf(EnrichmentResult.Failed.class, unreadable).reason().startsWith("ffprobe's answer cannot be read: malformed JSON"), unreadable::toString);
    }

    @Test
    void aFileWhoseDataIsCutIsTruncatedThoughFfprobeReadsItsHeader() throws IOException {
        Path answer = MEDIA.resolve("mpeg4-mp3.avi.ffprobe.json").toAbsolutePath();
        Path fake = script("ffprobe", "cat '" + answer + "'\necho '[avi @ 0x55add6d28940] stream 1, offset 0x1109: partial file' >&2");
        EnrichmentResult result = enricher(Map.of("RETROVUE_FFPROBE", fake.toString())).enrich(request(MEDIA.resolve("mpeg4-mp3.avi")), new TestContext());
        assertEquals(new EnrichmentResult.Failed("the file is truncated: ffprobe says: [avi] stream 1, offset 0x1109: partial file"), result);
    }
}
