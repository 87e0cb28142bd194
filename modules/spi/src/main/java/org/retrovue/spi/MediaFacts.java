package org.retrovue.spi;

import java.util.List;

/**
 * The technical facts of one media file, as an enricher measured them. Names and values follow ffprobe's: codec
 * names as its {@code codec_name} ({@code h264}, {@code aac}), the container as its {@code format_name}
 * ({@code mov,mp4,m4a,3gp,3g2,mj2}), languages as the file states them (ISO 639-2, {@code eng}). Every field may be
 * null (or a list empty): not measured, never a guess. An enricher fills what it measures and leaves the rest, so
 * facts from several enrichers combine ({@link #mergedOver}). Since SPI 1.6; later versions add components with the
 * constructors of earlier versions kept.
 *
 * @param container      ffprobe's {@code format_name}
 * @param durationMillis the running time in milliseconds
 * @param bitRate        bits per second over the whole file
 * @param video          video streams in file order
 * @param audio          audio streams in file order
 * @param subtitles      subtitle streams in file order
 * @param chapters       chapters in order; null when not read (empty: the file has none)
 * @param loudness       EBU R128 loudness of the default audio; null when not measured
 */
public record MediaFacts(String container, Long durationMillis, Long bitRate, List<Video> video, List<Audio> audio,
                         List<Subtitle> subtitles, List<Chapter> chapters, Loudness loudness) {
    /** Nothing measured. */
    public static final MediaFacts NONE = new MediaFacts(null, null, null, List.of(), List.of(), List.of(), null, null);

    public MediaFacts {
        video = video == null ? List.of() : List.copyOf(video);
        audio = audio == null ? List.of() : List.copyOf(audio);
        subtitles = subtitles == null ? List.of() : List.copyOf(subtitles);
        chapters = chapters == null ? null : List.copyOf(chapters);
    }

    /** Interlaced or progressive; {@code UNKNOWN} when the file does not say. */
    public enum ScanType { PROGRESSIVE, INTERLACED, UNKNOWN }

    /**
     * @param frameRate     frames per second, or null
     * @param scanType      never null: {@code UNKNOWN} when not measured
     * @param sampleAspect  {@code "1:1"} style, or null; {@code displayAspect} ({@code "16:9"}) likewise
     */
    public record Video(String codec, int width, int height, Double frameRate, ScanType scanType, String sampleAspect,
                        String displayAspect, String language) {
        public Video {
            scanType = scanType == null ? ScanType.UNKNOWN : scanType;
        }
    }

    /** @param channels 0 when unknown; {@code sampleRate} in Hz, 0 when unknown; {@code defaultStream}: flagged as the default */
    public record Audio(String codec, int channels, int sampleRate, String language, boolean defaultStream) {}

    public record Subtitle(String codec, String language) {}

    /** @param endMillis null when the file does not say */
    public record Chapter(long startMillis, Long endMillis, String title) {}

    /**
     * EBU R128 loudness.
     *
     * @param integratedLufs integrated loudness in LUFS
     * @param rangeLu        loudness range in LU, or null
     * @param truePeakDbtp   true peak in dBTP, or null
     */
    public record Loudness(double integratedLufs, Double rangeLu, Double truePeakDbtp) {}

    /** The audio stream flagged as the default, else the first; null when there is none. */
    public Audio defaultAudio() {
        return audio.stream().filter(Audio::defaultStream).findFirst().orElse(audio.isEmpty() ? null : audio.getFirst());
    }

    /** These facts, with what they leave unmeasured (null, or an empty stream list) taken from {@code under}. */
    public MediaFacts mergedOver(MediaFacts under) {
        return new MediaFacts(container != null ? container : under.container,
                durationMillis != null ? durationMillis : under.durationMillis,
                bitRate != null ? bitRate : under.bitRate,
                video.isEmpty() ? under.video : video,
                audio.isEmpty() ? under.audio : audio,
                subtitles.isEmpty() ? under.subtitles : subtitles,
                chapters != null ? chapters : under.chapters,
                loudness != null ? loudness : under.loudness);
    }
}
