package org.retrovue.persistence;

import java.util.List;
import java.util.Map;

/**
 * What enrichers measured of an asset's file (V9): the default streams' facts as columns, and every stream
 * ({@code streams}: a JSON object with {@code video}, {@code audio} and {@code subtitles} lists) and chapter
 * ({@code chapters}: a JSON list, null when not read) as JSON values. Every field may be null: not measured.
 */
public record AssetMedia(Long durationMillis, String container, Long bitRate, String videoCodec, Integer width, Integer height,
                         Double frameRate, String scanType, String sampleAspect, String displayAspect, String audioCodec,
                         Integer audioChannels, Double loudnessLufs, Double loudnessRangeLu, Double truePeakDbtp,
                         Map<String, Object> streams, List<Object> chapters) {
    /** Nothing measured. */
    public static final AssetMedia NONE = new AssetMedia(null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null);
}
