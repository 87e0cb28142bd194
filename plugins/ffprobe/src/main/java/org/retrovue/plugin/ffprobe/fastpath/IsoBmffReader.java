package org.retrovue.plugin.ffprobe.fastpath;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * MP4 / MOV / M4V (ISO base media file format): walks the top-level boxes (skipping {@code mdat} by its size, so
 * a {@code moov} at the end costs one more read), then only the boxes of {@code moov} that carry facts. Sample
 * tables are skipped except the few bytes that give a track's frame count. Every box must fit inside its parent
 * and the file; a file that is cut short, fragmented, or uses a layout this class does not know is declined.
 */
final class IsoBmffReader {
    static final String FORMAT_NAME = "mov,mp4,m4a,3gp,3g2,mj2";
    /** All boxes visited in one file; a real file has a few dozen per track. */
    private static final int MAX_BOXES = 4096;
    /** The largest box payload loaded into memory (stsd with its codec headers is the big one). */
    private static final int MAX_LEAF = 256 * 1024;
    private static final int MAX_TRACKS = 128;

    private final BoundedReader in;
    private int boxes;

    IsoBmffReader(BoundedReader in) {
        this.in = in;
    }

    /** Whether a file whose first box has this type may be ISO base media. */
    static boolean startsTopLevel(int type) {
        return switch (fourcc(type)) {
            case "ftyp", "moov", "mdat", "free", "skip", "wide", "pnot" -> true;
            default -> false;
        };
    }

    private record Box(String type, long start, long payload, long end) {
        long payloadSize() {
            return end - payload;
        }
    }

    MediaFacts read() {
        Box ftyp = null;
        Box moov = null;
        for (Box box : children(0, in.size())) {
            switch (box.type) {
                case "ftyp" -> ftyp = box;
                case "moov" -> {
                    if (moov != null) {
                        throw new Decline("two moov boxes");
                    }
                    moov = box;
                }
                case "moof", "mfra", "sidx" -> throw new Decline("fragmented MP4");
                default -> { }
            }
        }
        if (moov == null) {
            throw new Decline("no moov box");
        }
        String brand = ftyp == null ? "qt" : fourcc(payload(ftyp, 4, MAX_LEAF).getInt(0)).strip();
        return readMoov(moov, brand);
    }

    private MediaFacts readMoov(Box moov, String brand) {
        List<Box> children = children(moov.payload, moov.end);
        ByteBuffer mvhd = payload(only(children, "mvhd", moov), 32, MAX_LEAF);
        int version = mvhd.get(0);
        long timescale = version == 1 ? u32(mvhd, 20) : u32(mvhd, 12);
        long duration = version == 1 ? mvhd.getLong(24) : u32(mvhd, 16);
        if (version > 1 || timescale == 0 || duration <= 0 || (version == 0 && duration == 0xFFFFFFFFL)) {
            throw new Decline("movie header gives no duration");
        }
        double seconds = (double) duration / timescale;
        List<MediaFacts.Video> video = new ArrayList<>();
        List<MediaFacts.Audio> audio = new ArrayList<>();
        List<MediaFacts.Subtitle> subtitles = new ArrayList<>();
        List<MediaFacts.Chapter> chapters = List.of();
        int tracks = 0;
        for (Box child : children) {
            switch (child.type) {
                case "mvex" -> throw new Decline("fragmented MP4");
                case "trak" -> {
                    if (++tracks > MAX_TRACKS) {
                        throw new Decline("more than " + MAX_TRACKS + " tracks");
                    }
                    readTrack(child, video, audio, subtitles);
                }
                case "udta" -> {
                    if (find(children(child.payload, child.end), "chpl") != null) {
                        chapters = null; // Nero chapters: not read here
                    }
                }
                default -> { }
            }
        }
        long bitRate = (long) (in.size() * 8 / seconds);
        return new MediaFacts(FORMAT_NAME, brand, seconds, in.size(), bitRate, video, audio, subtitles, chapters);
    }

    private void readTrack(Box trak, List<MediaFacts.Video> video, List<MediaFacts.Audio> audio,
                           List<MediaFacts.Subtitle> subtitles) {
        List<Box> children = children(trak.payload, trak.end);
        Box tref = find(children, "tref");
        if (tref != null && find(children(tref.payload, tref.end), "chap") != null) {
            throw new Decline("QuickTime chapter track");
        }
        Box mdia = only(children, "mdia", trak);
        List<Box> media = children(mdia.payload, mdia.end);
        ByteBuffer mdhd = payload(only(media, "mdhd", mdia), 24, MAX_LEAF);
        int version = mdhd.get(0);
        if (version > 1) {
            throw new Decline("media header version " + version);
        }
        long timescale = version == 1 ? u32(mdhd, 20) : u32(mdhd, 12);
        long duration = version == 1 ? mdhd.getLong(24) : u32(mdhd, 16);
        String language = language(Short.toUnsignedInt(mdhd.getShort(version == 1 ? 32 : 20)));
        String languageTag = null;
        Box elng = find(media, "elng");
        if (elng != null) {
            languageTag = cString(payload(elng, 4, 1024), 4);
        }
        String handler = fourcc(payload(only(media, "hdlr", mdia), 12, MAX_LEAF).getInt(8));
        if (!handler.equals("vide") && !handler.equals("soun") && !SampleEntries.isSubtitleHandler(handler)) {
            return; // timecode, hint, metadata...: data streams, not what we report
        }
        Box minf = only(media, "minf", mdia);
        Box stbl = only(children(minf.payload, minf.end), "stbl", minf);
        List<Box> table = children(stbl.payload, stbl.end);
        Box stsd = only(table, "stsd", stbl);
        ByteBuffer description = payload(stsd, 16, MAX_LEAF);
        if (u32(description, 4) < 1) {
            throw new Decline("track without a sample description");
        }
        long entrySize = u32(description, 8);
        if (entrySize < 8 || entrySize > description.limit() - 8) {
            throw new Decline("sample description runs past its box");
        }
        ByteBuffer entry = description.slice(8, (int) entrySize);
        switch (handler) {
            case "vide" -> {
                MediaFacts.Video v = SampleEntries.video(entry, language, languageTag);
                Double frameRate = frameRate(table, timescale, duration);
                video.add(new MediaFacts.Video(v.codec(), v.width(), v.height(), frameRate, v.scanType(),
                        v.sampleAspect(), v.displayAspect(), language, languageTag));
            }
            case "soun" -> audio.add(SampleEntries.audio(entry, language, languageTag));
            default -> subtitles.add(SampleEntries.subtitle(entry, language, languageTag));
        }
    }

    /** Frames per second: from the one stts entry of a constant-rate track, else frame count over duration. */
    private Double frameRate(List<Box> table, long timescale, long duration) {
        Box stts = find(table, "stts");
        if (stts != null && stts.payloadSize() >= 16) {
            ByteBuffer head = in.read(stts.payload, 16);
            if (u32(head, 4) == 1) {
                return Ratios.rate(timescale, u32(head, 12));
            }
        }
        Box stsz = find(table, "stsz");
        if (stsz == null) {
            stsz = find(table, "stz2");
        }
        if (stsz != null && stsz.payloadSize() >= 12 && timescale > 0) {
            long frames = u32(in.read(stsz.payload, 12), 8);
            return Ratios.rate(frames, (double) duration / timescale);
        }
        return null;
    }

    /**
     * Macintosh language codes (QuickTime's mdhd before packed ISO codes) as ffmpeg maps them to ISO 639-2: 0-94,
     * then 128-138. Empty where ffmpeg has no answer or not a three-letter one (those are declined).
     */
    private static final String[] MAC_LANGUAGES = ("eng,fra,ger,ita,dut,sve,spa,dan,por,nor,heb,jpn,ara,fin,gre,ice,mlt,tur,,chi,"
            + "urd,hin,tha,kor,lit,pol,hun,est,lav,,,,rus,chi,,iri,alb,ron,ces,slk,"
            + "slv,yid,,mac,bul,ukr,bel,uzb,kaz,aze,aze,arm,geo,mol,kir,tgk,tuk,mon,,pus,"
            + "kur,kas,snd,tib,nep,san,mar,ben,asm,guj,,ori,mal,kan,tam,tel,,bur,khm,lao,"
            + "vie,ind,tgl,may,may,amh,tir,orm,som,swa,,run,,mlg,epo").split(",", -1);
    private static final String[] MAC_LANGUAGES_128 = "wel,baq,cat,lat,que,grn,aym,tat,uig,dzo,jav".split(",");

    /**
     * ffmpeg's reading of the mdhd language: a packed ISO 639-2 code as is ("und" included); 0x7FFF (QuickTime's
     * "unspecified") as no language; an old Macintosh code through ffmpeg's table, declined where it has none.
     */
    static String language(int code) {
        if (code == 0x7FFF) {
            return null;
        }
        if (code < 0x400) {
            String mac = code < MAC_LANGUAGES.length ? MAC_LANGUAGES[code]
                    : code >= 128 && code < 128 + MAC_LANGUAGES_128.length ? MAC_LANGUAGES_128[code - 128] : "";
            if (mac.isEmpty()) {
                throw new Decline("Macintosh language code " + code);
            }
            return mac;
        }
        char[] letters = new char[3];
        for (int i = 2; i >= 0; i--) {
            letters[i] = (char) (0x60 + (code & 0x1F));
            code >>= 5;
        }
        String language = new String(letters);
        if (!language.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            throw new Decline("malformed language code");
        }
        return language;
    }

    private List<Box> children(long from, long end) {
        List<Box> found = new ArrayList<>();
        long position = from;
        while (position < end) {
            Box box = header(position, end);
            found.add(box);
            position = box.end;
        }
        return found;
    }

    private Box header(long position, long limit) {
        if (++boxes > MAX_BOXES) {
            throw new Decline("more than " + MAX_BOXES + " boxes");
        }
        if (limit - position < 8) {
            throw new Decline("box header cut short at offset " + position);
        }
        ByteBuffer head = in.read(position, 8);
        long size = u32(head, 0);
        String type = fourcc(head.getInt(4));
        long payload = position + 8;
        if (size == 1) {
            if (limit - position < 16) {
                throw new Decline("box header cut short at offset " + position);
            }
            size = in.read(position + 8, 8).getLong(0);
            payload = position + 16;
            if (size < 16) {
                throw new Decline("box '" + printable(type) + "' of impossible size at offset " + position);
            }
        } else if (size == 0) {
            size = limit - position; // "to the end of the file" (or of its parent)
        } else if (size < 8) {
            throw new Decline("box '" + printable(type) + "' of impossible size at offset " + position);
        }
        if (size > limit - position) {
            throw new Decline("box '" + printable(type) + "' at offset " + position + " runs past the end of "
                    + (limit == in.size() ? "the file (truncated?)" : "its parent"));
        }
        return new Box(type, position, payload, position + size);
    }

    private ByteBuffer payload(Box box, int atLeast, int atMost) {
        long size = box.payloadSize();
        if (size < atLeast) {
            throw new Decline("box '" + printable(box.type) + "' too short");
        }
        if (size > atMost) {
            throw new Decline("box '" + printable(box.type) + "' larger than the fast path reads");
        }
        return in.read(box.payload, (int) size);
    }

    private static Box find(List<Box> boxes, String type) {
        for (Box box : boxes) {
            if (box.type.equals(type)) {
                return box;
            }
        }
        return null;
    }

    private static Box only(List<Box> boxes, String type, Box parent) {
        Box found = null;
        for (Box box : boxes) {
            if (box.type.equals(type)) {
                if (found != null) {
                    throw new Decline("two '" + type + "' boxes in '" + parent.type + "'");
                }
                found = box;
            }
        }
        if (found == null) {
            throw new Decline("no '" + type + "' box in '" + parent.type + "'");
        }
        return found;
    }

    static long u32(ByteBuffer buffer, int offset) {
        return Integer.toUnsignedLong(buffer.getInt(offset));
    }

    static String fourcc(int type) {
        return new String(new byte[] {(byte) (type >>> 24), (byte) (type >>> 16), (byte) (type >>> 8), (byte) type},
                StandardCharsets.ISO_8859_1);
    }

    /** A box type from the file, safe to put in a message that may reach a terminal. */
    static String printable(String type) {
        StringBuilder out = new StringBuilder();
        for (char c : type.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return out.toString();
    }

    private static String cString(ByteBuffer buffer, int from) {
        int end = from;
        while (end < buffer.limit() && buffer.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - from];
        buffer.get(from, bytes);
        String text = new String(bytes, StandardCharsets.US_ASCII);
        return text.isEmpty() || !text.chars().allMatch(c -> c > 0x20 && c < 0x7F) ? null : text;
    }
}
