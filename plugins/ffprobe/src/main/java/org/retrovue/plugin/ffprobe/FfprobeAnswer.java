package org.retrovue.plugin.ffprobe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.retrovue.spi.MediaFacts;

/**
 * ffprobe's JSON answer ({@code -print_format json -show_format -show_streams -show_chapters}) as the SPI's
 * {@link MediaFacts}. Values ffprobe gives as "N/A", "0/0" or "0:1" (unknown) become null; attached pictures
 * (cover art) are not video streams.
 */
final class FfprobeAnswer {
    private FfprobeAnswer() {}

    /** @throws IllegalArgumentException when the text is not an ffprobe answer */
    static MediaFacts read(String json) {
        if (!(Json.parse(json) instanceof Map<?, ?> root)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        Map<?, ?> format = map(root.get("format"));
        if (format == null) {
            throw new IllegalArgumentException("no format in ffprobe's answer");
        }
        Double duration = decimal(format.get("duration"));
        List<MediaFacts.Video> video = new ArrayList<>();
        List<MediaFacts.Audio> audio = new ArrayList<>();
        List<MediaFacts.Subtitle> subtitles = new ArrayList<>();
        for (Object item : list(root.get("streams"))) {
            Map<?, ?> s = map(item);
            if (s == null) {
                continue;
            }
            Map<?, ?> disposition = map(s.get("disposition"));
            String codec = text(s.get("codec_name"));
            String language = language(s);
            switch (String.valueOf(s.get("codec_type"))) {
                case "video" -> {
                    if (disposition == null || integer(disposition.get("attached_pic"), 0) == 0) {
                        video.add(new MediaFacts.Video(codec, integer(s.get("width"), 0), integer(s.get("height"), 0),
                                rate(text(s.get("avg_frame_rate"))), scanType(text(s.get("field_order"))),
                                ratio(text(s.get("sample_aspect_ratio"))), ratio(text(s.get("display_aspect_ratio"))), language));
                    }
                }
                case "audio" -> audio.add(new MediaFacts.Audio(codec, integer(s.get("channels"), 0), integer(s.get("sample_rate"), 0), language,
                        disposition != null && integer(disposition.get("default"), 0) == 1));
                case "subtitle" -> subtitles.add(new MediaFacts.Subtitle(codec, language));
                default -> { }
            }
        }
        List<MediaFacts.Chapter> chapters = new ArrayList<>();
        for (Object item : list(root.get("chapters"))) {
            Map<?, ?> c = map(item);
            Double start = c == null ? null : decimal(c.get("start_time"));
            if (start != null) {
                Double end = decimal(c.get("end_time"));
                Map<?, ?> tags = map(c.get("tags"));
                chapters.add(new MediaFacts.Chapter(millis(start), end == null ? null : millis(end), tags == null ? null : text(tags.get("title"))));
            }
        }
        Double bitRate = decimal(format.get("bit_rate"));
        return new MediaFacts(text(format.get("format_name")), duration == null || duration <= 0 ? null : millis(duration),
                bitRate == null ? null : bitRate.longValue(), video, audio, subtitles, chapters, null);
    }

    private static long millis(double seconds) {
        return Math.round(seconds * 1000);
    }

    private static String language(Map<?, ?> stream) {
        Map<?, ?> tags = map(stream.get("tags"));
        return tags == null ? null : text(tags.get("language"));
    }

    private static MediaFacts.ScanType scanType(String fieldOrder) {
        if (fieldOrder == null) {
            return MediaFacts.ScanType.UNKNOWN;
        }
        return switch (fieldOrder) {
            case "progressive" -> MediaFacts.ScanType.PROGRESSIVE;
            case "tt", "bb", "tb", "bt" -> MediaFacts.ScanType.INTERLACED;
            default -> MediaFacts.ScanType.UNKNOWN;
        };
    }

    /** "30000/1001" as frames per second; null for "0/0" and anything else ffprobe writes for unknown. */
    private static Double rate(String rational) {
        if (rational == null) {
            return null;
        }
        String[] parts = rational.split("/");
        try {
            double n = Double.parseDouble(parts[0]);
            double d = parts.length == 2 ? Double.parseDouble(parts[1]) : 1;
            return n > 0 && d > 0 ? n / d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String ratio(String ratio) {
        return ratio == null || !ratio.matches("[1-9]\\d*:[1-9]\\d*") ? null : ratio;
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> m ? m : null;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isEmpty() && !s.equals("N/A") && !s.equals("unknown") ? s : null;
    }

    /** ffprobe writes most numbers as strings ("1.000000"), some as numbers. */
    private static Double decimal(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        String s = text(value);
        if (s == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int integer(Object value, int otherwise) {
        Double d = decimal(value);
        return d == null ? otherwise : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, d.longValue()));
    }
}
