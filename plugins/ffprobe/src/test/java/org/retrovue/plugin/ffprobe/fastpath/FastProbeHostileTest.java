package org.retrovue.plugin.ffprobe.fastpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retrovue.plugin.ffprobe.fastpath.Bytes.ascii;
import static org.retrovue.plugin.ffprobe.fastpath.Bytes.box;
import static org.retrovue.plugin.ffprobe.fastpath.Bytes.boxWithSize;
import static org.retrovue.plugin.ffprobe.fastpath.Bytes.concat;
import static org.retrovue.plugin.ffprobe.fastpath.Bytes.ebml;
import static org.retrovue.plugin.ffprobe.fastpath.Bytes.ebmlFloat;
import static org.retrovue.plugin.ffprobe.fastpath.Bytes.ebmlString;
import static org.retrovue.plugin.ffprobe.fastpath.Bytes.ebmlUint;
import static org.retrovue.plugin.ffprobe.fastpath.Bytes.ebmlWithSize;
import static org.retrovue.plugin.ffprobe.fastpath.Bytes.u16;
import static org.retrovue.plugin.ffprobe.fastpath.Bytes.u32;
import static org.retrovue.plugin.ffprobe.fastpath.Bytes.u64;
import static org.retrovue.plugin.ffprobe.fastpath.Bytes.u8;
import static org.retrovue.plugin.ffprobe.fastpath.Bytes.zeros;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crafted files: sizes that lie, endless runs of boxes and elements, huge counts, a moov behind 10 GB of mdat.
 * Each is answered (most with "ask ffprobe") within a second, reading at most the budget, and nothing throws.
 */
class FastProbeHostileTest {
    private static final int ENG = (5 << 10) | (14 << 5) | 7;

    @TempDir
    Path dir;

    // ---- a minimal, honest MP4 and Matroska file, so that each hostile variant differs by one lie ----

    static byte[] stsd(byte[] entry) {
        return box("stsd", u32(0), u32(1), entry);
    }

    static byte[] avc1(int width, int height, byte[]... children) {
        return box("avc1", zeros(6), u16(1), zeros(16), u16(width), u16(height), zeros(50), concat(children));
    }

    static byte[] videoTrak(byte[] stsd, byte[] stts) {
        return box("trak", box("tkhd", zeros(84)), box("mdia",
                box("mdhd", u32(0), u32(0), u32(0), u32(15360), u32(30720), u16(ENG), u16(0)),
                box("hdlr", u32(0), u32(0), ascii("vide"), zeros(13)),
                box("minf", box("stbl", stsd, stts, box("stsz", u32(0), u32(0), u32(30))))));
    }

    static byte[] mp4(byte[]... moovChildren) {
        return concat(box("ftyp", ascii("isom"), u32(0x200), ascii("isom")),
                box("moov", concat(box("mvhd", u32(0), u32(0), u32(0), u32(1000), u32(2000), zeros(80)), concat(moovChildren))),
                box("mdat", zeros(100)));
    }

    static byte[] honestMp4() {
        return mp4(videoTrak(stsd(avc1(160, 90, box("avcC", zeros(7)))), box("stts", u32(0), u32(1), u32(30), u32(1024))));
    }

    static byte[] ebmlHeader() {
        return ebml(0x1A45DFA3, ebmlString(0x4282, "matroska"));
    }

    static byte[] info(double duration) {
        return ebml(0x1549A966, ebmlUint(0x2AD7B1, 1_000_000), ebmlFloat(0x4489, duration));
    }

    static byte[] tracks() {
        return ebml(0x1654AE6B,
                ebml(0xAE, ebmlUint(0xD7, 1), ebmlUint(0x83, 1), ebmlString(0x86, "V_VP9"),
                        ebml(0xE0, ebmlUint(0xB0, 160), ebmlUint(0xBA, 90))),
                ebml(0xAE, ebmlUint(0xD7, 2), ebmlUint(0x83, 2), ebmlString(0x86, "A_OPUS"), ebmlString(0x22B59C, "fre"),
                        ebml(0xE1, ebmlFloat(0xB5, 48000), ebmlUint(0x9F, 2))));
    }

    static byte[] honestMkv() {
        return concat(ebmlHeader(), ebml(0x18538067, info(2000), tracks(), ebml(0x1F43B675, zeros(10))));
    }

    // ---- the honest files are read, so the lies below are what makes the difference ----

    @Test
    void theHonestCraftedFilesAreRead() throws IOException {
        MediaFacts mp4 = assertInstanceOf(ProbeResult.Known.class, probe(honestMp4())).facts();
        assertEquals(2.0, mp4.durationSeconds());
        assertEquals(new MediaFacts.Video("h264", 160, 90, 15.0, MediaFacts.ScanType.UNKNOWN, null, null, "eng", null),
                mp4.video().getFirst());
        MediaFacts mkv = assertInstanceOf(ProbeResult.Known.class, probe(honestMkv())).facts();
        assertEquals(2.0, mkv.durationSeconds());
        assertEquals("vp9", mkv.video().getFirst().codec());
        assertEquals(new MediaFacts.Audio("opus", 2, 48000, "fre", null), mkv.audio().getFirst());
    }

    // ---- ISO base media ----

    @Test
    void aBoxClaimingMoreThanTheFileHolds() throws IOException {
        byte[] file = concat(box("ftyp", ascii("isom"), u32(0)), boxWithSize(0x7FFF_FFFFL, "moov", zeros(64)));
        assertAsk(file, "runs past the end of the file");
    }

    @Test
    void aLargesizeOfExabytes() throws IOException {
        byte[] file = concat(box("ftyp", ascii("isom"), u32(0)), boxWithSize(1, "mdat", u64(1L << 62), zeros(64)));
        assertAsk(file, "runs past the end of the file");
    }

    @Test
    void sizesTooSmallToBeBoxes() throws IOException {
        assertAsk(concat(box("ftyp", ascii("isom"), u32(0)), boxWithSize(4, "moov", zeros(64))), "impossible size");
        assertAsk(concat(box("ftyp", ascii("isom"), u32(0)), boxWithSize(1, "moov", u64(9), zeros(64))), "impossible size");
    }

    @Test
    void aChildBoxLargerThanItsParent() throws IOException {
        byte[] file = mp4(boxWithSize(1_000_000, "trak", zeros(32)));
        assertAsk(file, "runs past the end of its parent");
    }

    @Test
    void endlessEmptyBoxes() throws IOException {
        List<byte[]> parts = new ArrayList<>();
        parts.add(box("ftyp", ascii("isom"), u32(0)));
        for (int i = 0; i < 100_000; i++) {
            parts.add(box("free"));
        }
        assertAsk(concat(parts.toArray(byte[][]::new)), "more than 4096 boxes");
        List<byte[]> inMoov = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            inMoov.add(box("udta"));
        }
        assertAsk(mp4(concat(inMoov.toArray(byte[][]::new))), "more than 4096 boxes");
    }

    @Test
    void hugeCountsAreNotBelieved() throws IOException {
        // stsd says 4 billion entries, stts 4 billion runs, stsz 4 billion samples: one entry and 28 bytes are read.
        byte[] stsd = box("stsd", u32(0), u32(0xFFFF_FFFFL), avc1(160, 90));
        byte[] stts = box("stts", u32(0), u32(0xFFFF_FFFFL), u32(0xFFFF_FFFFL), u32(1));
        ProbeResult result = probe(mp4(videoTrak(stsd, stts)));
        MediaFacts facts = assertInstanceOf(ProbeResult.Known.class, result).facts();
        assertEquals(15.0, facts.video().getFirst().frameRate()); // from stsz's 30 samples over 2 s
        assertAsk(mp4(box("trak", box("mdia", box("mdhd", zeros(24)), box("hdlr", u32(0), u32(0), ascii("vide")),
                box("minf", box("stbl", box("stsd", u32(0), u32(1), u32(0xFFFF_FFF0L), ascii("avc1"))))))),
                "sample description runs past its box");
    }

    @Test
    void aSampleDescriptionWhoseChildrenLie() throws IOException {
        byte[] lying = avc1(160, 90, boxWithSize(0x7FFF_0000L, "avcC", zeros(8)));
        assertAsk(mp4(videoTrak(stsd(lying), box("stts", u32(0), u32(0)))), "malformed box in a sample description");
        byte[] esds = box("esds", u32(0), u8(0x03, 0xFF, 0xFF, 0xFF, 0x7F)); // a descriptor of 256 MB in 5 bytes
        byte[] mp4a = box("mp4a", zeros(6), u16(1), zeros(8), u16(2), u16(16), zeros(4), u32(48000L << 16), esds);
        byte[] trak = box("trak", box("mdia", box("mdhd", u32(0), u32(0), u32(0), u32(48000), u32(96000), u16(ENG), u16(0)),
                box("hdlr", u32(0), u32(0), ascii("soun"), zeros(13)), box("minf", box("stbl", stsd(mp4a)))));
        assertAsk(mp4(trak), "descriptor runs past its box");
    }

    @Test
    void aMoovBehindTenGigabytesOfMdatCostsAFewSmallReads() throws IOException {
        // A sparse file: ftyp, an mdat of 10 GB (a 64-bit size), then the moov.
        byte[] head = concat(box("ftyp", ascii("isom"), u32(0x200), ascii("isom")));
        long mdatSize = 10L << 30;
        byte[] mdatHeader = concat(u32(1), ascii("mdat"), u64(mdatSize));
        byte[] honest = honestMp4();
        byte[] moov = java.util.Arrays.copyOfRange(honest, head.length, honest.length - 108); // minus its own mdat
        Path file = dir.resolve("big.mp4");
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(head);
            out.write(mdatHeader);
            out.seek(head.length + mdatSize);
            out.write(moov);
        }
        Outcome outcome = probeFile(file);
        MediaFacts facts = assertInstanceOf(ProbeResult.Known.class, outcome.result).facts();
        assertEquals(2.0, facts.durationSeconds());
        assertTrue(outcome.bytesRead <= BoundedReader.FIRST_WINDOW + 2 * BoundedReader.LATER_WINDOW, "read " + outcome.bytesRead);
    }

    @Test
    void aHeaderLargerThanTheBudgetIsDeclined() throws IOException {
        byte[] bigStsd = box("stsd", u32(0), u32(1), avc1(160, 90, box("avcC", zeros(200_000))));
        ProbeResult result = FastProbe.probe(write(mp4(videoTrak(bigStsd, box("stts", u32(0), u32(0))))), 100_000);
        assertTrue(assertInstanceOf(ProbeResult.AskFfprobe.class, result).reason().contains("larger than the fast path reads"),
                result.toString());
    }

    // ---- Matroska ----

    @Test
    void anEbmlHeaderClaimingExabytes() throws IOException {
        assertAsk(concat(ebmlWithSize(0x1A45DFA3, 1L << 55, ebmlString(0x4282, "matroska"))), "runs past its parent");
    }

    @Test
    void malformedVariableLengthNumbers() throws IOException {
        assertAsk(concat(ebmlHeader(), u8(0x18, 0x53, 0x80, 0x67, 0x00, 0, 0, 0, 0, 0, 0, 0, 0)), "malformed EBML element size");
        assertAsk(concat(ebmlHeader(), u8(0x00, 0x00, 0x00, 0x00, 0x81, 0, 0, 0, 0, 0, 0, 0, 0)), "malformed EBML element ID");
    }

    @Test
    void endlessVoidElementsBeforeTheFirstCluster() throws IOException {
        List<byte[]> voids = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            voids.add(u8(0xEC, 0x80));
        }
        assertAsk(concat(ebmlHeader(), ebml(0x18538067, concat(voids.toArray(byte[][]::new)), info(2000), tracks())),
                "more than 256 elements");
    }

    @Test
    void aSeekHeadPointingAtItselfIsNotFollowedInCircles() throws IOException {
        // SeekHead says Info and Tracks are at offset 0 of the segment: where the SeekHead itself is.
        byte[] seekHead = ebml(0x114D9B74,
                ebml(0x4DBB, ebml(0x53AB, u8(0x15, 0x49, 0xA9, 0x66)), ebmlUint(0x53AC, 0)),
                ebml(0x4DBB, ebml(0x53AB, u8(0x16, 0x54, 0xAE, 0x6B)), ebmlUint(0x53AC, 0)));
        assertAsk(concat(ebmlHeader(), ebml(0x18538067, seekHead, ebml(0x1F43B675, zeros(10)))), "SeekHead points at the wrong element");
    }

    @Test
    void unknownSizesOnlyWhereMatroskaAllowsThem() throws IOException {
        assertAsk(concat(ebmlHeader(), ebml(0x18538067, ebmlWithSize(0x1549A966, 0x00FF_FFFF_FFFF_FFFFL, zeros(20)))),
                "unknown size");
        MediaFacts live = assertInstanceOf(ProbeResult.Known.class, probe(concat(ebmlHeader(),
                ebmlWithSize(0x18538067, 0x00FF_FFFF_FFFF_FFFFL, info(2000), tracks(),
                        ebmlWithSize(0x1F43B675, 0x00FF_FFFF_FFFF_FFFFL, zeros(10)))))).facts();
        assertEquals(2.0, live.durationSeconds());
    }

    @Test
    void thousandsOfTracks() throws IOException {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            entries.add(ebml(0xAE, ebmlUint(0x83, 2), ebmlString(0x86, "A_OPUS")));
        }
        assertAsk(concat(ebmlHeader(), ebml(0x18538067, info(2000), ebml(0x1654AE6B, concat(entries.toArray(byte[][]::new))))),
                "more than 128 tracks");
    }

    @Test
    void valuesOfImpossibleWidths() throws IOException {
        byte[] badDuration = ebml(0x1549A966, ebml(0x4489, u8(1, 2, 3)));
        assertAsk(concat(ebmlHeader(), ebml(0x18538067, badDuration, tracks())), "EBML float of 3 bytes");
        byte[] badWidth = ebml(0x1654AE6B, ebml(0xAE, ebmlUint(0x83, 1), ebmlString(0x86, "V_VP9"),
                ebml(0xE0, ebml(0xB0, new byte[9]), ebmlUint(0xBA, 90))));
        assertAsk(concat(ebmlHeader(), ebml(0x18538067, info(2000), badWidth)), "EBML integer longer than 8 bytes");
        assertAsk(concat(ebmlHeader(), ebml(0x18538067, info(Double.NaN), tracks())), "Duration is not a length");
    }

    // ---- anything at all ----

    @Test
    void mangledFixturesNeverThrowAndStayWithinTheBudget() throws IOException {
        Random random = new Random(16);
        List<Path> fixtures = FastProbeFixturesTest.fixtures();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int round = 0; round < 1000; round++) {
                byte[] bytes = Files.readAllBytes(fixtures.get(random.nextInt(fixtures.size())));
                if (bytes.length == 0) {
                    continue;
                }
                int flips = 1 + random.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    int at = random.nextInt(Math.min(bytes.length, 4096)); // where the headers are
                    bytes[at] = (byte) random.nextInt(256);
                }
                if (random.nextBoolean()) {
                    bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
                }
                readWithinBudget(write(bytes)); // throws if the fast path does
            }
        });
    }

    // ---- helpers ----

    private record Outcome(ProbeResult result, long bytesRead) {}

    private Path write(byte[] bytes) throws IOException {
        Path file = dir.resolve("crafted");
        Files.write(file, bytes);
        return file;
    }

    private ProbeResult probe(byte[] bytes) throws IOException {
        return probeFile(write(bytes)).result;
    }

    private static Outcome probeFile(Path file) {
        return assertTimeoutPreemptively(Duration.ofSeconds(1), () -> readWithinBudget(file));
    }

    private static Outcome readWithinBudget(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            BoundedReader reader = new BoundedReader(channel, channel.size(), FastProbe.READ_BUDGET);
            ProbeResult result = FastProbe.probe(reader);
            assertTrue(reader.bytesRead() <= FastProbe.READ_BUDGET, "read " + reader.bytesRead());
            return new Outcome(result, reader.bytesRead());
        }
    }

    private void assertAsk(byte[] bytes, String reason) throws IOException {
        ProbeResult result = probe(bytes);
        ProbeResult.AskFfprobe ask = assertInstanceOf(ProbeResult.AskFfprobe.class, result, result.toString());
        assertTrue(ask.reason().contains(reason), ask.reason());
    }

}
