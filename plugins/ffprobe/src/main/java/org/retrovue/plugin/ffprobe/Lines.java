package org.retrovue.plugin.ffprobe;

import java.util.List;

/** One line of a program's complaint, fit for an operator's terminal: no control characters, at most 300 of them. */
final class Lines {
    private Lines() {}

    /** The first line that is not blank, cleaned; empty when there is none. */
    static String first(String text) {
        return clean(text.strip().lines().findFirst().orElse(""));
    }

    /** The last line that is not blank, cleaned; empty when there is none. */
    static String last(String text) {
        List<String> lines = text.strip().lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : clean(lines.getLast());
    }

    private static String clean(String line) {
        StringBuilder clean = new StringBuilder();
        // ffmpeg names its parts with their address ("[mov,mp4 @ 0x55d1...]"): dropped, so a reason reads the same each run.
        line.strip().replaceAll(" @ 0x[0-9a-fA-F]+]", "]").codePoints().filter(c -> !Character.isISOControl(c)).limit(300).forEach(clean::appendCodePoint);
        return clean.toString();
    }
}
