package org.retrovue.plugin.ffprobe.fastpath;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matroska / WebM: the EBML header, then the Segment's top-level elements up to the first Cluster (Info, Tracks
 * and Chapters are loaded; the rest is skipped by size), then, for what was not found before the Cluster, one jump
 * each to where the SeekHead says it is (ffmpeg finds them the same way). A file without a Duration (written live,
 * to a pipe) is declined: only reading it to its end, as ffprobe may, tells how long it runs.
 */
final class MatroskaReader {
    static final int EBML = 0x1A45DFA3;
    static final String FORMAT_NAME = "matroska,webm";

    private static final int DOC_TYPE = 0x4282;
    private static final int SEGMENT = 0x18538067;
    private static final int SEEK_HEAD = 0x114D9B74;
    private static final int SEEK = 0x4DBB;
    private static final int SEEK_ID = 0x53AB;
    private static final int SEEK_POSITION = 0x53AC;
    private static final int INFO = 0x1549A966;
    private static final int TIMESTAMP_SCALE = 0x2AD7B1;
    private static final int DURATION = 0x4489;
    private static final int TRACKS = 0x1654AE6B;
    private static final int TRACK_ENTRY = 0xAE;
    private static final int TRACK_TYPE = 0x83;
    private static final int CODEC_ID = 0x86;
    private static final int CODEC_PRIVATE = 0x63A2;
    private static final int LANGUAGE = 0x22B59C;
    private static final int LANGUAGE_IETF = 0x22B59D;
    private static final int DEFAULT_DURATION = 0x23E383;
    private static final int VIDEO = 0xE0;
    private static final int PIXEL_WIDTH = 0xB0;
    private static final int PIXEL_HEIGHT = 0xBA;
    private static final int DISPLAY_WIDTH = 0x54B0;
    private static final int DISPLAY_HEIGHT = 0x54BA;
    private static final int DISPLAY_UNIT = 0x54B2;
    private static final int FLAG_INTERLACED = 0x9A;
    private static final int[] PIXEL_CROPS = {0x54AA, 0x54BB, 0x54CC, 0x54DD};
    private static final int AUDIO = 0xE1;
    private static final int SAMPLING_FREQUENCY = 0xB5;
    private static final int OUTPUT_SAMPLING_FREQUENCY = 0x78B5;
    private static final int CHANNELS = 0x9F;
    private static final int BIT_DEPTH = 0x6264;
    private static final int CHAPTERS = 0x1043A770;
    private static final int EDITION_ENTRY = 0x45B9;
    private static final int CHAPTER_ATOM = 0xB6;
    private static final int CHAPTER_TIME_START = 0x91;
    private static final int CHAPTER_TIME_END = 0x92;
    private static final int CHAPTER_FLAG_HIDDEN = 0x98;
    private static final int CHAPTER_DISPLAY = 0x80;
    private static final int CHAP_STRING = 0x85;
    private static final int CLUSTER = 0x1F43B675;

    /** Top-level elements looked at before the first Cluster; real files have fewer than ten. */
    private static final int MAX_TOP_LEVEL = 256;
    /** The largest Info, Tracks, SeekHead or Chapters element loaded (codec headers make Tracks the big one). */
    private static final int MAX_MASTER = 256 * 1024;
    private static final int MAX_TRACKS = 128;

    private final BoundedReader in;

    MatroskaReader(BoundedReader in) {
        this.in = in;
    }

    private record Header(int id, long start, long body, long size) {
        boolean unknownSize() {
            return size == Ebml.UNKNOWN_SIZE;
        }

        long end() {
            return body + size;
        }
    }

    MediaFacts read() {
        Header ebml = header(0, in.size());
        if (ebml.unknownSize()) {
            throw new Decline("EBML header of unknown size");
        }
        String docType = "matroska";
        for (Ebml.Element e : Ebml.children(load(ebml, 4096))) {
            if (e.id() == DOC_TYPE) {
                docType = Ebml.string(e.body());
            }
        }
        if (!docType.equals("matroska") && !docType.equals("webm")) {
            throw new Decline("EBML document type is not Matroska");
        }
        Header segment = header(ebml.end(), in.size());
        if (segment.id != SEGMENT) {
            throw new Decline("no Segment after the EBML header");
        }
        long segmentEnd = segment.unknownSize() ? in.size() : segment.end();
        if (segmentEnd > in.size()) {
            throw new Decline("Segment runs past the end of the file (truncated?)");
        }

        Map<Integer, ByteBuffer> found = new HashMap<>();
        Map<Integer, Long> seeks = new HashMap<>();
        long position = segment.body;
        int count = 0;
        while (position < segmentEnd) {
            if (++count > MAX_TOP_LEVEL) {
                throw new Decline("more than " + MAX_TOP_LEVEL + " elements before the first Cluster");
            }
            Header element = header(position, segmentEnd);
            if (element.id == CLUSTER) {
                break;
            }
            if (element.unknownSize()) {
                throw new Decline("top-level element of unknown size");
            }
            switch (element.id) {
                case SEEK_HEAD -> {
                    if (seeks.isEmpty()) {
                        readSeekHead(load(element, MAX_MASTER), segment.body, segmentEnd, seeks);
                    }
                }
                case INFO, TRACKS, CHAPTERS -> {
                    if (found.containsKey(element.id)) {
                        throw new Decline("two top-level elements of one kind");
                    }
                    found.put(element.id, load(element, MAX_MASTER));
                }
                default -> { }
            }
            position = element.end();
        }
        for (int id : new int[] {INFO, TRACKS, CHAPTERS}) {
            Long at = seeks.get(id);
            if (!found.containsKey(id) && at != null) {
                Header element = header(at, segmentEnd);
                if (element.id != id || element.unknownSize()) {
                    throw new Decline("SeekHead points at the wrong element");
                }
                found.put(id, load(element, MAX_MASTER));
            }
        }
        if (!found.containsKey(INFO) || !found.containsKey(TRACKS)) {
            throw new Decline("no segment Info or Tracks");
        }

        double seconds = duration(found.get(INFO));
        List<MediaFacts.Video> video = new ArrayList<>();
        List<MediaFacts.Audio> audio = new ArrayList<>();
        List<MediaFacts.Subtitle> subtitles = new ArrayList<>();
        int tracks = 0;
        for (Ebml.Element entry : Ebml.children(found.get(TRACKS))) {
            if (entry.id() == TRACK_ENTRY) {
                if (++tracks > MAX_TRACKS) {
                    throw new Decline("more than " + MAX_TRACKS + " tracks");
                }
                readTrack(entry.body(), video, audio, subtitles);
            }
        }
        List<MediaFacts.Chapter> chapters = found.containsKey(CHAPTERS) ? chapters(found.get(CHAPTERS)) : List.of();
        long bitRate = (long) (in.size() * 8 / seconds);
        return new MediaFacts(FORMAT_NAME, docType, seconds, in.size(), bitRate, video, audio, subtitles, chapters);
    }

    private static void readSeekHead(ByteBuffer seekHead, long segmentBody, long segmentEnd, Map<Integer, Long> seeks) {
        for (Ebml.Element seek : Ebml.children(seekHead)) {
            if (seek.id() != SEEK) {
                continue;
            }
            long id = -1;
            long position = -1;
            for (Ebml.Element field : Ebml.children(seek.body())) {
                if (field.id() == SEEK_ID) {
                    id = Ebml.uint(field.body());
                } else if (field.id() == SEEK_POSITION) {
                    position = Ebml.uint(field.body());
                }
            }
            if ((id == INFO || id == TRACKS || id == CHAPTERS) && position >= 0 && position < segmentEnd - segmentBody) {
                seeks.putIfAbsent((int) id, segmentBody + position);
            }
        }
    }

    private static double duration(ByteBuffer info) {
        long scale = 1_000_000;
        Double duration = null;
        for (Ebml.Element e : Ebml.children(info)) {
            if (e.id() == TIMESTAMP_SCALE) {
                scale = Ebml.uint(e.body());
            } else if (e.id() == DURATION) {
                duration = Ebml.floating(e.body());
            }
        }
        if (duration == null) {
            throw new Decline("Matroska without a Duration (written live or to a pipe)");
        }
        double seconds = duration * scale / 1e9;
        if (!(seconds > 0) || Double.isInfinite(seconds) || scale == 0) {
            throw new Decline("Matroska Duration is not a length");
        }
        return seconds;
    }

    private static void readTrack(ByteBuffer entry, List<MediaFacts.Video> video, List<MediaFacts.Audio> audio,
                                  List<MediaFacts.Subtitle> subtitles) {
        long type = 0;
        String codecId = null;
        ByteBuffer codecPrivate = null;
        String language = "eng"; // the element's default in the Matroska specification
        String languageTag = null;
        long defaultDuration = 0;
        ByteBuffer videoSettings = null;
        ByteBuffer audioSettings = null;
        for (Ebml.Element e : Ebml.children(entry)) {
            switch (e.id()) {
                case TRACK_TYPE -> type = Ebml.uint(e.body());
                case CODEC_ID -> codecId = Ebml.string(e.body());
                case CODEC_PRIVATE -> codecPrivate = e.body();
                case LANGUAGE -> language = Ebml.string(e.body());
                case LANGUAGE_IETF -> languageTag = Ebml.string(e.body());
                case DEFAULT_DURATION -> defaultDuration = Ebml.uint(e.body());
                case VIDEO -> videoSettings = e.body();
                case AUDIO -> audioSettings = e.body();
                default -> { }
            }
        }
        if (type != 1 && type != 2 && type != 17) {
            return; // buttons, metadata...: not streams we report
        }
        if (codecId == null) {
            throw new Decline("track without a CodecID");
        }
        // ffmpeg shows no language for "und", and any other as written (ffmpeg 5 writes "pt-BR" there too).
        String shownLanguage = language.equals("und") ? null : language;
        if (shownLanguage != null && (shownLanguage.isEmpty() || shownLanguage.length() > 35
                || !shownLanguage.chars().allMatch(c -> c == '-' || Character.isLetterOrDigit(c) && c < 0x80))) {
            throw new Decline("malformed track language");
        }
        if (languageTag != null && (languageTag.isEmpty() || !languageTag.chars().allMatch(c -> c > 0x20 && c < 0x7F))) {
            languageTag = null;
        }
        switch ((int) type) {
            case 1 -> video.add(video(codecId, videoSettings, defaultDuration, shownLanguage, languageTag));
            case 2 -> audio.add(audio(codecId, audioSettings, codecPrivate, shownLanguage, languageTag));
            default -> subtitles.add(new MediaFacts.Subtitle(subtitleCodec(codecId), shownLanguage, languageTag));
        }
    }

    private static MediaFacts.Video video(String codecId, ByteBuffer settings, long defaultDuration, String language,
                                          String languageTag) {
        String codec = switch (codecId) {
            case "V_MPEG4/ISO/AVC" -> "h264";
            case "V_MPEGH/ISO/HEVC" -> "hevc";
            case "V_AV1" -> "av1";
            case "V_VP9" -> "vp9";
            case "V_VP8" -> "vp8";
            case "V_MPEG2" -> "mpeg2video";
            case "V_MPEG1" -> "mpeg1video";
            case "V_MPEG4/ISO/ASP", "V_MPEG4/ISO/SP", "V_MPEG4/ISO/AP" -> "mpeg4";
            case "V_MJPEG" -> "mjpeg";
            case "V_THEORA" -> "theora";
            case "V_PRORES" -> "prores";
            case "V_FFV1" -> "ffv1";
            default -> throw new Decline("video codec " + printable(codecId));
        };
        if (settings == null) {
            throw new Decline("video track without Video settings");
        }
        long width = 0;
        long height = 0;
        long displayWidth = 0;
        long displayHeight = 0;
        long displayUnit = 0;
        long interlaced = 0;
        for (Ebml.Element e : Ebml.children(settings)) {
            switch (e.id()) {
                case PIXEL_WIDTH -> width = Ebml.uint(e.body());
                case PIXEL_HEIGHT -> height = Ebml.uint(e.body());
                case DISPLAY_WIDTH -> displayWidth = Ebml.uint(e.body());
                case DISPLAY_HEIGHT -> displayHeight = Ebml.uint(e.body());
                case DISPLAY_UNIT -> displayUnit = Ebml.uint(e.body());
                case FLAG_INTERLACED -> interlaced = Ebml.uint(e.body());
                default -> {
                    for (int crop : PIXEL_CROPS) {
                        if (e.id() == crop && Ebml.uint(e.body()) != 0) {
                            throw new Decline("cropped video");
                        }
                    }
                }
            }
        }
        if (width <= 0 || height <= 0 || width > 65535 || height > 65535) {
            throw new Decline("video track without a picture size");
        }
        String sampleAspect = null;
        String displayAspect = null;
        if (displayUnit == 0 && displayWidth > 0 && displayHeight > 0 && displayWidth < 1 << 20 && displayHeight < 1 << 20) {
            sampleAspect = Ratios.ratio(height * displayWidth, width * displayHeight);
            displayAspect = Ratios.ratio(displayWidth, displayHeight);
        }
        MediaFacts.ScanType scan = interlaced == 1 ? MediaFacts.ScanType.INTERLACED
                : interlaced == 2 ? MediaFacts.ScanType.PROGRESSIVE : MediaFacts.ScanType.UNKNOWN;
        Double frameRate = defaultDuration > 0 ? Ratios.rate(1e9, defaultDuration) : null;
        return new MediaFacts.Video(codec, (int) width, (int) height, frameRate, scan, sampleAspect, displayAspect,
                language, languageTag);
    }

    private static MediaFacts.Audio audio(String codecId, ByteBuffer settings, ByteBuffer codecPrivate, String language,
                                          String languageTag) {
        double samplingFrequency = 8000;
        Double outputFrequency = null;
        long channels = 1;
        long bitDepth = 0;
        if (settings != null) {
            for (Ebml.Element e : Ebml.children(settings)) {
                switch (e.id()) {
                    case SAMPLING_FREQUENCY -> samplingFrequency = Ebml.floating(e.body());
                    case OUTPUT_SAMPLING_FREQUENCY -> outputFrequency = Ebml.floating(e.body());
                    case CHANNELS -> channels = Ebml.uint(e.body());
                    case BIT_DEPTH -> bitDepth = Ebml.uint(e.body());
                    default -> { }
                }
            }
        }
        double frequency = outputFrequency != null ? outputFrequency : samplingFrequency;
        if (channels < 1 || channels > 64 || !(frequency >= 1) || frequency > 1_000_000) {
            throw new Decline("audio track without channels or sample rate");
        }
        int rate = (int) frequency;
        String codec;
        if (codecId.equals("A_AAC") || codecId.startsWith("A_AAC/")) {
            if (codecId.contains("SBR")) {
                throw new Decline("HE-AAC");
            }
            if (codecPrivate != null) {
                int[] config = Aac.config(codecPrivate);
                channels = config[0];
                rate = config[1];
            } else if (channels < 2 || rate <= 24000) {
                throw new Decline("AAC that the decoder may upgrade (mono or low rate)");
            }
            codec = "aac";
        } else {
            codec = switch (codecId) {
                case "A_AC3", "A_AC3/BSID9", "A_AC3/BSID10" -> "ac3";
                case "A_EAC3" -> "eac3";
                case "A_DTS" -> "dts";
                case "A_OPUS" -> "opus";
                case "A_VORBIS" -> "vorbis";
                case "A_MPEG/L3" -> "mp3";
                case "A_MPEG/L2" -> "mp2";
                case "A_MPEG/L1" -> "mp1";
                case "A_FLAC" -> "flac";
                case "A_ALAC" -> "alac";
                case "A_TRUEHD" -> "truehd";
                case "A_PCM/INT/LIT" -> switch ((int) bitDepth) {
                    case 8 -> "pcm_u8";
                    case 16, 24, 32 -> "pcm_s" + bitDepth + "le";
                    default -> throw new Decline("PCM of " + bitDepth + " bits");
                };
                case "A_PCM/INT/BIG" -> switch ((int) bitDepth) {
                    case 16, 24, 32 -> "pcm_s" + bitDepth + "be";
                    default -> throw new Decline("PCM of " + bitDepth + " bits");
                };
                default -> throw new Decline("audio codec " + printable(codecId));
            };
            if (codec.equals("opus")) {
                rate = 48000; // what ffprobe reports for every Opus stream
            }
        }
        return new MediaFacts.Audio(codec, (int) channels, rate, language, languageTag);
    }

    private static String subtitleCodec(String codecId) {
        return switch (codecId) {
            case "S_TEXT/UTF8" -> "subrip";
            case "S_TEXT/ASS", "S_TEXT/SSA", "S_ASS", "S_SSA" -> "ass";
            case "S_TEXT/WEBVTT", "D_WEBVTT/SUBTITLES", "D_WEBVTT/CAPTIONS", "D_WEBVTT/DESCRIPTIONS" -> "webvtt";
            case "S_VOBSUB" -> "dvd_subtitle";
            case "S_HDMV/PGS" -> "hdmv_pgs_subtitle";
            case "S_HDMV/TEXTST" -> "hdmv_text_subtitle";
            case "S_DVBSUB" -> "dvb_subtitle";
            default -> throw new Decline("subtitle codec " + printable(codecId));
        };
    }

    /** The chapters of the only edition (null, "not read", when there are several or hidden ones). */
    private static List<MediaFacts.Chapter> chapters(ByteBuffer chapters) {
        List<Ebml.Element> editions = Ebml.children(chapters).stream().filter(e -> e.id() == EDITION_ENTRY).toList();
        if (editions.isEmpty()) {
            return List.of();
        }
        if (editions.size() > 1) {
            return null;
        }
        List<MediaFacts.Chapter> found = new ArrayList<>();
        for (Ebml.Element atom : Ebml.children(editions.getFirst().body())) {
            if (atom.id() != CHAPTER_ATOM) {
                continue;
            }
            long start = -1;
            Long end = null;
            String title = null;
            for (Ebml.Element e : Ebml.children(atom.body())) {
                switch (e.id()) {
                    case CHAPTER_TIME_START -> start = Ebml.uint(e.body());
                    case CHAPTER_TIME_END -> end = Ebml.uint(e.body());
                    case CHAPTER_FLAG_HIDDEN -> {
                        if (Ebml.uint(e.body()) != 0) {
                            return null;
                        }
                    }
                    case CHAPTER_DISPLAY -> {
                        for (Ebml.Element d : Ebml.children(e.body())) {
                            if (d.id() == CHAP_STRING && title == null) {
                                title = Ebml.string(d.body());
                            }
                        }
                    }
                    default -> { }
                }
            }
            if (start < 0) {
                return null;
            }
            found.add(new MediaFacts.Chapter(start / 1e9, end == null ? null : end / 1e9, title));
        }
        return found;
    }

    private Header header(long position, long limit) {
        ByteBuffer head = in.read(position, (int) Math.min(12, limit - position));
        long[] parsed = Ebml.header(head, 0);
        long body = position + parsed[1];
        long size = parsed[2];
        if (size != Ebml.UNKNOWN_SIZE && size > limit - body && (int) parsed[0] != SEGMENT) {
            throw new Decline("EBML element at offset " + position + " runs past its parent (truncated?)");
        }
        return new Header((int) parsed[0], position, body, size);
    }

    private ByteBuffer load(Header element, int atMost) {
        if (element.size > atMost) {
            throw new Decline("Matroska header element larger than the fast path reads");
        }
        return in.read(element.body, (int) element.size);
    }

    private static String printable(String text) {
        return IsoBmffReader.printable(text.length() > 40 ? text.substring(0, 40) : text);
    }
}
