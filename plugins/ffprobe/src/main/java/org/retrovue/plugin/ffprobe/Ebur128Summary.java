package org.retrovue.plugin.ffprobe;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.retrovue.spi.MediaFacts;

/**
 * Reads the Summary block that ffmpeg's {@code ebur128} filter logs when it ends:
 * <pre>
 * [Parsed_ebur128_0 @ 0x...] Summary:
 *   Integrated loudness:
 *     I:         -21.8 LUFS
 *     Threshold: -31.8 LUFS
 *   Loudness range:
 *     LRA:         0.0 LU
 *     ...
 *   True peak:
 *     Peak:      -16.9 dBFS
 * </pre>
 * The true peak is printed in dBFS; measured with {@code peak=true} it is the true peak in dBTP. {@code -inf} is
 * null.
 */
final class Ebur128Summary {
    private static final Pattern INTEGRATED = Pattern.compile("^\\s*I:\\s*(\\S+) LUFS\\s*$", Pattern.MULTILINE);
    private static final Pattern RANGE = Pattern.compile("^\\s*LRA:\\s*(\\S+) LU\\s*$", Pattern.MULTILINE);
    private static final Pattern PEAK = Pattern.compile("^\\s*Peak:\\s*(\\S+) dBFS\\s*$", Pattern.MULTILINE);

    private Ebur128Summary() {}

    /** Whether {@code log} holds a summary at all. */
    static boolean present(String log) {
        return log.lastIndexOf("] Summary:") >= 0;
    }

    /** The loudness of the last summary in {@code log}; IllegalArgumentException when it has none or it cannot be read. */
    static MediaFacts.Loudness read(String log) {
        int at = log.lastIndexOf("] Summary:");
        if (at < 0) {
            throw new IllegalArgumentException("no loudness summary");
        }
        String summary = log.substring(at);
        Double integrated = number(INTEGRATED, summary);
        if (integrated == null) {
            throw new IllegalArgumentException("no integrated loudness in the summary");
        }
        return new MediaFacts.Loudness(integrated, number(RANGE, summary), number(PEAK, summary));
    }

    private static Double number(Pattern pattern, String summary) {
        Matcher m = pattern.matcher(summary);
        if (!m.find()) {
            return null;
        }
        try {
            double value = Double.parseDouble(m.group(1));
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null; // -inf, nan
        }
    }
}
