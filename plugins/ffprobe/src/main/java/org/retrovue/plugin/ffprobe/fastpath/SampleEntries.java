package org.retrovue.plugin.ffprobe.fastpath;

import static org.retrovue.plugin.ffprobe.fastpath.IsoBmffReader.fourcc;
import static org.retrovue.plugin.ffprobe.fastpath.IsoBmffReader.printable;
import static org.retrovue.plugin.ffprobe.fastpath.IsoBmffReader.u32;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * The first sample description ({@code stsd} entry) of an MP4/MOV track, read into a stream with the codec named
 * as ffprobe names it. The entry and its child boxes ({@code esds}, {@code dac3}, {@code pasp}, {@code fiel}...)
 * are already in memory; every offset is checked by the buffer, so a malformed entry fails, it is never trusted.
 */
final class SampleEntries {
    private static final int MAX_CHILDREN = 64;
    private static final int VISUAL_CHILDREN = 8 + 78;
    private static final int[] AC3_CHANNELS = {2, 1, 2, 3, 3, 4, 4, 5};

    private SampleEntries() {}

    static boolean isSubtitleHandler(String handler) {
        return switch (handler) {
            case "sbtl", "subt", "text", "clcp" -> true;
            default -> false;
        };
    }

    static MediaFacts.Video video(ByteBuffer entry, String language, String languageTag) {
        String type = fourcc(entry.getInt(4));
        int width = Short.toUnsignedInt(entry.getShort(8 + 24));
        int height = Short.toUnsignedInt(entry.getShort(8 + 26));
        if (width == 0 || height == 0) {
            throw new Decline("video sample description without a size");
        }
        Map<String, ByteBuffer> children = children(entry, VISUAL_CHILDREN);
        String codec = switch (type) {
            case "avc1", "avc3" -> "h264";
            case "hvc1", "hev1" -> "hevc";
            case "av01" -> "av1";
            case "vp09" -> "vp9";
            case "vp08" -> "vp8";
            case "m2v1", "mp2v" -> "mpeg2video";
            case "mp4v" -> children.containsKey("esds") ? videoObjectType(objectType(children.get("esds"))) : "mpeg4";
            case "jpeg", "mjpa" -> "mjpeg";
            case "apch", "apcn", "apcs", "apco", "ap4h", "ap4x" -> "prores";
            default -> throw new Decline("video codec '" + printable(type) + "'");
        };
        String sampleAspect = null;
        String displayAspect = null;
        ByteBuffer pasp = children.get("pasp");
        if (pasp != null) {
            long h = u32(pasp, 0);
            long v = u32(pasp, 4);
            sampleAspect = Ratios.ratio(h, v);
            displayAspect = Ratios.ratio(width * h, height * v);
        }
        MediaFacts.ScanType scan = MediaFacts.ScanType.UNKNOWN;
        ByteBuffer fiel = children.get("fiel");
        if (fiel != null) {
            scan = switch (fiel.get(0)) {
                case 1 -> MediaFacts.ScanType.PROGRESSIVE;
                case 2 -> MediaFacts.ScanType.INTERLACED;
                default -> MediaFacts.ScanType.UNKNOWN;
            };
        }
        return new MediaFacts.Video(codec, width, height, null, scan, sampleAspect, displayAspect, language, languageTag);
    }

    static MediaFacts.Audio audio(ByteBuffer entry, String language, String languageTag) {
        String type = fourcc(entry.getInt(4));
        int version = Short.toUnsignedInt(entry.getShort(8 + 8));
        int channels;
        int sampleSize;
        int sampleRate;
        int childrenAt;
        switch (version) {
            case 0, 1 -> {
                channels = Short.toUnsignedInt(entry.getShort(8 + 16));
                sampleSize = Short.toUnsignedInt(entry.getShort(8 + 18));
                sampleRate = Short.toUnsignedInt(entry.getShort(8 + 24));
                childrenAt = 8 + (version == 0 ? 28 : 44);
            }
            case 2 -> {
                double rate = entry.getDouble(8 + 32);
                channels = (int) Math.min(u32(entry, 8 + 40), 1024);
                sampleSize = (int) Math.min(u32(entry, 8 + 48), 1024);
                sampleRate = rate > 0 && rate < 10_000_000 ? (int) rate : 0;
                childrenAt = 8 + 64;
            }
            default -> throw new Decline("sound description version " + version);
        }
        Map<String, ByteBuffer> children = children(entry, childrenAt);
        ByteBuffer wave = children.get("wave");
        if (wave != null) {
            children.putAll(children(wave, 0));
        }
        String codec;
        switch (type) {
            case "mp4a" -> {
                ByteBuffer esds = children.get("esds");
                if (esds == null) {
                    throw new Decline("mp4a without esds");
                }
                int objectType = objectType(esds);
                switch (objectType) {
                    case 0x40, 0x66, 0x67, 0x68 -> {
                        int[] config = Aac.config(decoderSpecificInfo(esds));
                        channels = config[0];
                        sampleRate = config[1];
                        codec = "aac";
                    }
                    case 0xA5 -> codec = "ac3";
                    case 0xA6 -> codec = "eac3";
                    default -> throw new Decline("mp4a object type " + objectType);
                }
            }
            case "ac-3" -> {
                ByteBuffer dac3 = children.get("dac3");
                if (dac3 == null) {
                    throw new Decline("ac-3 without dac3");
                }
                int bits = ((dac3.get(0) & 0xFF) << 16) | ((dac3.get(1) & 0xFF) << 8) | (dac3.get(2) & 0xFF);
                channels = AC3_CHANNELS[(bits >> 11) & 7] + ((bits >> 10) & 1);
                sampleRate = ac3Rate(bits >> 22);
                codec = "ac3";
            }
            case "ec-3" -> {
                ByteBuffer dec3 = children.get("dec3");
                if (dec3 == null || dec3.limit() < 5) {
                    throw new Decline("ec-3 without dec3");
                }
                long bits = u32(dec3, 0) << 8 | (dec3.get(4) & 0xFF); // 40 bits: first substream
                int independent = (int) (bits >> 24) & 7;
                int dependent = (int) (bits >> 1) & 0xF;
                if (independent != 0 || dependent != 0) {
                    throw new Decline("E-AC-3 with several substreams");
                }
                channels = AC3_CHANNELS[(int) (bits >> 9) & 7] + (int) ((bits >> 8) & 1);
                sampleRate = ac3Rate((int) (bits >> 22) & 3);
                codec = "eac3";
            }
            case "Opus" -> {
                ByteBuffer dops = children.get("dOps");
                if (dops == null) {
                    throw new Decline("Opus without dOps");
                }
                channels = dops.get(1) & 0xFF;
                sampleRate = 48000; // what ffprobe reports for every Opus stream
                codec = "opus";
            }
            case "fLaC" -> codec = "flac";
            case "alac" -> codec = "alac";
            case "sowt", "twos" -> {
                if (sampleSize != 16) {
                    throw new Decline("PCM of " + sampleSize + " bits");
                }
                codec = type.equals("sowt") ? "pcm_s16le" : "pcm_s16be";
            }
            case "ulaw" -> codec = "pcm_mulaw";
            case "alaw" -> codec = "pcm_alaw";
            default -> throw new Decline("audio codec '" + printable(type) + "'");
        }
        if (channels <= 0 || sampleRate <= 0) {
            throw new Decline("audio without channels or sample rate");
        }
        return new MediaFacts.Audio(codec, channels, sampleRate, language, languageTag);
    }

    static MediaFacts.Subtitle subtitle(ByteBuffer entry, String language, String languageTag) {
        String type = fourcc(entry.getInt(4));
        String codec = switch (type) {
            case "tx3g", "text" -> "mov_text";
            case "wvtt" -> "webvtt";
            case "c608" -> "eia_608";
            default -> throw new Decline("subtitle codec '" + printable(type) + "'");
        };
        return new MediaFacts.Subtitle(codec, language, languageTag);
    }

    private static int ac3Rate(int fscod) {
        return switch (fscod & 3) {
            case 0 -> 48000;
            case 1 -> 44100;
            case 2 -> 32000;
            default -> throw new Decline("AC-3 sample rate code 3");
        };
    }

    private static String videoObjectType(int objectType) {
        return switch (objectType) {
            case 0x20 -> "mpeg4";
            case 0x21 -> "h264";
            case 0x23 -> "hevc";
            case 0x60, 0x61, 0x62, 0x63, 0x64, 0x65 -> "mpeg2video";
            case 0x6A -> "mpeg1video";
            case 0x6C -> "mjpeg";
            default -> throw new Decline("mp4v object type " + objectType);
        };
    }

    /** The child boxes of an entry from {@code from}, by type; the first of a type wins, as in ffmpeg. */
    private static Map<String, ByteBuffer> children(ByteBuffer parent, int from) {
        Map<String, ByteBuffer> found = new HashMap<>();
        int position = from;
        int count = 0;
        while (parent.limit() - position >= 8) {
            if (++count > MAX_CHILDREN) {
                throw new Decline("too many boxes in a sample description");
            }
            long size = u32(parent, position);
            if (size < 8 || size > parent.limit() - position) {
                // QuickTime ends some lists with a 4-byte zero terminator; anything else is malformed.
                if (size == 0) {
                    break;
                }
                throw new Decline("malformed box in a sample description");
            }
            found.putIfAbsent(fourcc(parent.getInt(position + 4)), parent.slice(position + 8, (int) size - 8));
            position += (int) size;
        }
        return found;
    }

    // --- MPEG-4 descriptors inside esds (ISO/IEC 14496-1) ---

    private static int objectType(ByteBuffer esds) {
        return decoderConfig(esds).get(0) & 0xFF;
    }

    private static ByteBuffer decoderSpecificInfo(ByteBuffer esds) {
        ByteBuffer config = decoderConfig(esds);
        ByteBuffer info = descriptor(config, 13, 0x05);
        if (info == null) {
            throw new Decline("AAC without its decoder configuration");
        }
        return info;
    }

    /** The DecoderConfigDescriptor (tag 4) inside the ES_Descriptor (tag 3) of an esds payload. */
    private static ByteBuffer decoderConfig(ByteBuffer esds) {
        ByteBuffer es = descriptor(esds, 4, 0x03);
        if (es == null) {
            throw new Decline("esds without an ES descriptor");
        }
        int flags = es.get(2) & 0xFF;
        int at = 3;
        if ((flags & 0x80) != 0) {
            at += 2;
        }
        if ((flags & 0x40) != 0) {
            at += 1 + (es.get(at) & 0xFF);
        }
        if ((flags & 0x20) != 0) {
            at += 2;
        }
        ByteBuffer config = descriptor(es, at, 0x04);
        if (config == null || config.limit() < 13) {
            throw new Decline("esds without a decoder configuration");
        }
        return config;
    }

    /** The body of the descriptor with {@code tag} at {@code at}, or null when another tag is there. */
    private static ByteBuffer descriptor(ByteBuffer buffer, int at, int tag) {
        if (at >= buffer.limit() || (buffer.get(at) & 0xFF) != tag) {
            return null;
        }
        int length = 0;
        int position = at + 1;
        for (int i = 0; i < 4; i++) {
            int b = buffer.get(position++) & 0xFF;
            length = (length << 7) | (b & 0x7F);
            if ((b & 0x80) == 0) {
                break;
            }
        }
        if (length > buffer.limit() - position) {
            throw new Decline("descriptor runs past its box");
        }
        return buffer.slice(position, length);
    }
}
