package org.retrovue.plugin.ffprobe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

/** The loudness enricher without a real ffmpeg: fake ffmpeg scripts that log a summary, complain, or find no audio. */
class LoudnessEnricherTest {
    /** ffmpeg 5.1's log for a 5.1 AAC file, cut to what matters: its description, then the ebur128 summary. */
    static final String LOG = """
            Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'file:h264-aac51.mov':
              Duration: 00:00:02.00, start: 0.000000, bitrate: 111 kb/s
            Stream mapping:
              Stream #0:1 -> #0:0 (aac (native) -> pcm_s16le (native))
            size=N/A time=00:00:02.00 bitrate=N/A speed=8.88x
            video:0kB audio:1128kB subtitle:0kB other streams:0kB global headers:0kB muxing overhead: unknown
            [Parsed_ebur128_0 @ 0x5605f8339840] Summary:

              Integrated loudness:
                I:         -21.8 LUFS
                Threshold: -31.8 LUFS

              Loudness range:
                LRA:         6.4 LU
                Threshold: -42.0 LUFS
                LRA low:   -25.1 LUFS
                LRA high:  -18.7 LUFS

              True peak:
                Peak:      -16.9 dBFS
            """;

    @TempDir
    Path temp;

    private static LoudnessEnricher enricher(Map<String, String> env) {
        return new LoudnessEnricher(env::get);
    }

    private static EnrichmentRequest request(Path file, MediaFacts known) throws IOException {
        long size = Files.size(file);
        return new EnrichmentRequest(file, size, Instant.EPOCH, ScannedItem.file(file.getFileName().toString(), file.toString(), size, Instant.EPOCH, null), known);
    }

    @Test
    void itDescribesItselfAsTheSpiAsksAndSaysItIsSlow() {
        LoudnessEnricher e = new LoudnessEnricher();
        assertEquals("loudness", e.id());
        assertEquals(SpiVersion.MAJOR, e.spiMajorVersion());
        assertFalse(e.version().isBlank());
        assertFalse(e.description().contains("\n"));
        assertTrue(e.description().contains("slow"), e.description());
        assertEquals(List.of("path"), e.options().stream().map(o -> o.name()).toList());
    }

    @Test
    void withoutFfmpegItIsUnavailableSaysWhatToInstallAndDeclines() throws IOException {
        assertEquals("ffmpeg is not installed: install Debian's ffmpeg package or set RETROVUE_FFMPEG",
                enricher(Map.of("PATH", temp.toString())).unavailable().orElseThrow());
        assertEquals("RETROVUE_FFMPEG names /no/ffmpeg, which is not an executable file; install Debian's ffmpeg package or correct it",
                enricher(Map.of("RETROVUE_FFMPEG", "/no/ffmpeg", "PATH", "/usr/bin:/bin")).unavailable().orElseThrow(),
                "a wrong RETROVUE_FFMPEG is not quietly replaced by another ffmpeg");
        assertEquals(new EnrichmentResult.Declined("waits for ffmpeg: ffmpeg is not installed: install Debian's ffmpeg package or set RETROVUE_FFMPEG"),
                enricher(Map.of("PATH", temp.toString())).enrich(FfprobeEnricherTest.request(FfprobeEnricherTest.MEDIA.resolve("h264-aac51.mov")), new TestContext()));
    }

    @Test
    void itRunsEbur128OnTheDefaultAudioStreamAndReadsTheSummary() throws Exception {
        Path args = temp.resolve("args");
        Path log = Files.writeString(temp.resolve("log"), LOG);
        Path fake = FakeTools.script(temp, "ffmpeg", "printf '%s\\n' \"$@\" > '" + args + "'\ncat '" + log + "' >&2");
        Path file = FfprobeEnricherTest.MEDIA.resolve("h264-vorbis-chapters-subtitle.mkv");
        MediaFacts twoStreams = new MediaFacts("matroska,webm", 2000L, null, List.of(), List.of(new MediaFacts.Audio("vorbis", 2, 48000, "jpn", false),
                new MediaFacts.Audio("vorbis", 2, 48000, "eng", true)), List.of(), null, null);
        // found on PATH
        EnrichmentResult result = enricher(Map.of("PATH", "/nowhere:" + temp)).enrich(request(file, twoStreams), new TestContext());
        MediaFacts facts = assertInstanceOf(EnrichmentResult.Filled.class, result, result::toString).facts();
        assertEquals(new MediaFacts(null, null, null, List.of(), List.of(), List.of(), null, new MediaFacts.Loudness(-21.8, 6.4, -16.9)), facts,
                "loudness only: what ffprobe filled stays");
        assertEquals(List.of("-nostdin", "-hide_banner", "-nostats", "-i", "file:" + file.toAbsolutePath(), "-map", "0:a:1?", "-vn", "-sn", "-dn",
                "-af", "ebur128=peak=true:framelog=verbose", "-f", "null", "-"), Files.readAllLines(args), "the second audio stream is the default");

        enricher(Map.of("RETROVUE_FFMPEG", fake.toString())).enrich(request(file, MediaFacts.NONE), new TestContext());
        assertEquals("0:a:0?", Files.readAllLines(args).get(6), "without facts from ffprobe: the first audio stream");

        // the option wins over RETROVUE_FFMPEG
        Path other = FakeTools.script(temp, "other-ffmpeg", "echo option > '" + args + "'\ncat '" + log + "' >&2");
        enricher(Map.of("RETROVUE_FFMPEG", fake.toString())).enrich(request(file, MediaFacts.NONE),
                new TestContext(Duration.ofSeconds(30), Map.of("path", other.toString())));
        assertEquals(List.of("option"), Files.readAllLines(args));
    }

    @Test
    void aFileWithoutAudioFails() throws Exception {
        Path ran = temp.resolve("ran");
        Path fake = FakeTools.script(temp, "ffmpeg", "touch '" + ran + "'\necho 'Output #0, null, to '\\''pipe:'\\'':' >&2\n"
                + "echo 'Output file #0 does not contain any stream' >&2\nexit 1");
        Path file = FfprobeEnricherTest.MEDIA.resolve("h264-aac51.mov");
        assertEquals(new EnrichmentResult.Failed("no audio stream"),
                enricher(Map.of("RETROVUE_FFMPEG", fake.toString())).enrich(request(file, MediaFacts.NONE), new TestContext()), "as ffmpeg says");
        Files.delete(ran);
        MediaFacts videoOnly = new MediaFacts("matroska,webm", 1000L, null, List.of(new MediaFacts.Video("mpeg4", 64, 36, 5.0, null, null, null, null)),
                List.of(), List.of(), null, null);
        assertEquals(new EnrichmentResult.Failed("no audio stream"),
                enricher(Map.of("RETROVUE_FFMPEG", fake.toString())).enrich(request(file, videoOnly), new TestContext()), "as ffprobe said before it");
        assertFalse(Files.exists(ran), "ffmpeg is not started for a file ffprobe found no audio in");
    }

    @Test
    void whatFfmpegLogsIsRead() {
        assertEquals(new EnrichmentResult.Failed("no audio could be decoded"),
                LoudnessRunner.answer(0, "Output file is empty, nothing was encoded (check -ss / -t / -frames parameters if used)\n" + LOG));
        assertEquals(new EnrichmentResult.Failed("ffmpeg's output cannot be read: no loudness summary"), LoudnessRunner.answer(0, "size=N/A\n"));
        assertEquals(new EnrichmentResult.Failed("ffmpeg cannot read it: [mov,mp4,m4a,3gp,3g2,mj2] error reading header"),
                LoudnessRunner.answer(1, "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55c03a0b38c0] error reading header\n\n"), "ffmpeg's addresses are left out");
        assertEquals(new EnrichmentResult.Failed("ffmpeg cannot read it (exit 69)"), LoudnessRunner.answer(69, ""));
    }

    @Test
    void theSummaryIsRead() {
        assertEquals(new MediaFacts.Loudness(-21.8, 6.4, -16.9), Ebur128Summary.read(LOG));
        assertEquals(new MediaFacts.Loudness(-70.0, 0.0, null), Ebur128Summary.read(LOG.replace("-21.8 LUFS", "-70.0 LUFS").replace("6.4 LU", "0.0 LU")
                .replace("-16.9 dBFS", "-inf dBFS")), "silence: -70 LUFS (the absolute gate), no peak");
        assertEquals(new MediaFacts.Loudness(-23.0, null, null), Ebur128Summary.read("[Parsed_ebur128_0 @ 0x1] Summary:\n  Integrated loudness:\n    I: -23.0 LUFS\n"),
                "without peak=true there is no true peak");
        assertThrows(IllegalArgumentException.class, () -> Ebur128Summary.read("[Parsed_ebur128_0 @ 0x1] Summary:\n    I: nan LUFS\n"));
    }
}
