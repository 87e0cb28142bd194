package org.retrovue.plugin.ffprobe.fastpath;

import java.util.List;

/**
 * The technical facts of one media file, named as ffprobe names them. Fields documented as nullable are those a
 * container may leave to the codec (ffprobe finds them by decoding): null means "the header does not say", never
 * a guess.
 *
 * @param formatName ffprobe's {@code format_name}: {@code mov,mp4,m4a,3gp,3g2,mj2} or {@code matroska,webm}
 * @param brand      the ISO major brand ({@code isom}, {@code qt}, ...) or the Matroska DocType ({@code matroska}, {@code webm})
 * @param bitRate    bits per second over the whole file (size / duration, as ffprobe's format bit_rate)
 * @param chapters   null when the file has chapters the fast path does not read
 */
public record MediaFacts(String formatName, String brand, double durationSeconds, long sizeBytes, long bitRate,
                         List<Video> video, List<Audio> audio, List<Subtitle> subtitles, List<Chapter> chapters) {

    public MediaFacts {
        video = List.copyOf(video);
        audio = List.copyOf(audio);
        subtitles = List.copyOf(subtitles);
        chapters = chapters == null ? null : List.copyOf(chapters);
    }

    /** Interlaced or progressive, as the container states it; {@code UNKNOWN} when it leaves it to the codec. */
    public enum ScanType { PROGRESSIVE, INTERLACED, UNKNOWN }

    /**
     * @param frameRate     frames per second, or null when the header does not give it
     * @param sampleAspect  {@code "1:1"} style, or null; {@code displayAspect} likewise
     * @param language      ISO 639-2 as ffprobe shows it, or null; {@code languageTag}: the IETF tag (mp4 elng,
     *                      Matroska LanguageIETF) when the file has one
     */
    public record Video(String codec, int width, int height, Double frameRate, ScanType scanType,
                        String sampleAspect, String displayAspect, String language, String languageTag) {}

    public record Audio(String codec, int channels, int sampleRate, String language, String languageTag) {}

    public record Subtitle(String codec, String language, String languageTag) {}

    /** @param endSeconds null when the file does not say */
    public record Chapter(double startSeconds, Double endSeconds, String title) {}
}
