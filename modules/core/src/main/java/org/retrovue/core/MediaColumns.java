package org.retrovue.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.retrovue.persistence.AssetMedia;
import org.retrovue.spi.MediaFacts;

/**
 * What enrichers measured, as the catalogue stores it: the first video stream's and the default audio stream's
 * facts as columns, every stream and chapter as JSON (names in snake case, as the program's other JSON).
 */
final class MediaColumns {
    private MediaColumns() {}

    static AssetMedia of(MediaFacts facts) {
        MediaFacts.Video video = facts.video().isEmpty() ? null : facts.video().getFirst();
        MediaFacts.Audio audio = facts.defaultAudio();
        MediaFacts.Loudness loudness = facts.loudness();
        boolean streams = !facts.video().isEmpty() || !facts.audio().isEmpty() || !facts.subtitles().isEmpty();
        return new AssetMedia(facts.durationMillis(), facts.container(), facts.bitRate(),
                video == null ? null : video.codec(), video == null ? null : positive(video.width()), video == null ? null : positive(video.height()),
                video == null ? null : video.frameRate(), video == null || video.scanType() == MediaFacts.ScanType.UNKNOWN ? null
                        : video.scanType().name().toLowerCase(Locale.ROOT),
                video == null ? null : video.sampleAspect(), video == null ? null : video.displayAspect(),
                audio == null ? null : audio.codec(), audio == null ? null : positive(audio.channels()),
                loudness == null ? null : loudness.integratedLufs(), loudness == null ? null : loudness.rangeLu(),
                loudness == null ? null : loudness.truePeakDbtp(), streams ? streams(facts) : null, chapters(facts.chapters()));
    }

    private static Map<String, Object> streams(MediaFacts facts) {
        Map<String, Object> streams = new LinkedHashMap<>();
        List<Object> video = new ArrayList<>();
        for (MediaFacts.Video v : facts.video()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("codec", v.codec());
            m.put("width", positive(v.width()));
            m.put("height", positive(v.height()));
            m.put("frame_rate", v.frameRate());
            m.put("scan_type", v.scanType() == MediaFacts.ScanType.UNKNOWN ? null : v.scanType().name().toLowerCase(Locale.ROOT));
            m.put("sample_aspect", v.sampleAspect());
            m.put("display_aspect", v.displayAspect());
            m.put("language", v.language());
            video.add(m);
        }
        List<Object> audio = new ArrayList<>();
        for (MediaFacts.Audio a : facts.audio()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("codec", a.codec());
            m.put("channels", positive(a.channels()));
            m.put("sample_rate", positive(a.sampleRate()));
            m.put("language", a.language());
            m.put("default", a.defaultStream());
            audio.add(m);
        }
        List<Object> subtitles = new ArrayList<>();
        for (MediaFacts.Subtitle s : facts.subtitles()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("codec", s.codec());
            m.put("language", s.language());
            subtitles.add(m);
        }
        streams.put("video", video);
        streams.put("audio", audio);
        streams.put("subtitles", subtitles);
        return streams;
    }

    private static List<Object> chapters(List<MediaFacts.Chapter> chapters) {
        if (chapters == null) {
            return null;
        }
        List<Object> out = new ArrayList<>();
        for (MediaFacts.Chapter c : chapters) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("start_ms", c.startMillis());
            m.put("end_ms", c.endMillis());
            m.put("title", c.title());
            out.add(m);
        }
        return out;
    }

    /** 0 means unknown in the SPI's records; the catalogue says null. */
    private static Integer positive(int value) {
        return value > 0 ? value : null;
    }
}
