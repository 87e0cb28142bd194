package org.retrovue.cli.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many terminal columns text takes. It is counted per user-perceived character (extended grapheme cluster), as
 * terminals that join emoji sequences draw them: a cluster holding an East Asian Wide or Fullwidth character or an
 * emoji presentation (or an emoji made one by U+FE0F) takes 2 (CJK, a family joined by ZWJs, a flag, a hand with
 * a skin tone: one glyph each), a cluster of zero-width characters only (a combining mark on its own, a joiner, a
 * format character) takes 0, any other 1 (a letter with its combining accents). Text is expected
 * {@linkplain Text#escape escaped}: control characters are not measured.
 */
public final class DisplayWidth {
    private DisplayWidth() {}

    private static final Pattern CLUSTER = Pattern.compile("\\X");

    /**
     * East Asian Width W and F (EastAsianWidth.txt, Unicode 14), first and last code point of each range, with the
     * unassigned code points between two ranges taken in; emoji newer than that come from
     * {@link Character#isEmojiPresentation}.
     */
    private static final int[] WIDE = {
            0x1100, 0x115F, 0x231A, 0x231B, 0x2329, 0x232A, 0x23E9, 0x23EC, 0x23F0, 0x23F0, 0x23F3, 0x23F3, 0x25FD, 0x25FE,
            0x2614, 0x2615, 0x2648, 0x2653, 0x267F, 0x267F, 0x2693, 0x2693, 0x26A1, 0x26A1, 0x26AA, 0x26AB, 0x26BD, 0x26BE,
            0x26C4, 0x26C5, 0x26CE, 0x26CE, 0x26D4, 0x26D4, 0x26EA, 0x26EA, 0x26F2, 0x26F3, 0x26F5, 0x26F5, 0x26FA, 0x26FA,
            0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B, 0x2728, 0x2728, 0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755,
            0x2757, 0x2757, 0x2795, 0x2797, 0x27B0, 0x27B0, 0x27BF, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55,
            0x2E80, 0x303E, 0x3041, 0x3247, 0x3250, 0x4DBF, 0x4E00, 0xA4C6, 0xA960, 0xA97C, 0xAC00, 0xD7A3, 0xF900, 0xFAD9,
            0xFE10, 0xFE19, 0xFE30, 0xFE6B, 0xFF01, 0xFF60, 0xFFE0, 0xFFE6, 0x16FE0, 0x1B2FB, 0x1F004, 0x1F004, 0x1F0CF, 0x1F0CF,
            0x1F18E, 0x1F18E, 0x1F191, 0x1F19A, 0x1F200, 0x1F320, 0x1F32D, 0x1F335, 0x1F337, 0x1F37C, 0x1F37E, 0x1F393,
            0x1F3A0, 0x1F3CA, 0x1F3CF, 0x1F3D3, 0x1F3E0, 0x1F3F0, 0x1F3F4, 0x1F3F4, 0x1F3F8, 0x1F43E, 0x1F440, 0x1F440,
            0x1F442, 0x1F4FC, 0x1F4FF, 0x1F53D, 0x1F54B, 0x1F54E, 0x1F550, 0x1F567, 0x1F57A, 0x1F57A, 0x1F595, 0x1F596,
            0x1F5A4, 0x1F5A4, 0x1F5FB, 0x1F64F, 0x1F680, 0x1F6C5, 0x1F6CC, 0x1F6CC, 0x1F6D0, 0x1F6D2, 0x1F6D5, 0x1F6DF,
            0x1F6EB, 0x1F6EC, 0x1F6F4, 0x1F6FC, 0x1F7E0, 0x1F7F0, 0x1F90C, 0x1F93A, 0x1F93C, 0x1F945, 0x1F947, 0x1F9FF,
            0x1FA70, 0x1FAF6, 0x20000, 0x3FFFD,
    };

    /** The columns {@code text} takes on a terminal. */
    public static int of(String text) {
        if (isPrintableAscii(text)) {
            return text.length(); // the usual case
        }
        int width = 0;
        Matcher cluster = CLUSTER.matcher(text);
        while (cluster.find()) {
            width += cluster(text, cluster.start(), cluster.end());
        }
        return width;
    }

    private static boolean isPrintableAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static int cluster(String text, int start, int end) {
        int first = text.codePointAt(start);
        boolean visible = false;
        for (int i = start; i < end; ) {
            int cp = text.codePointAt(i);
            if (wide(cp) || (cp == 0xFE0F && Character.isEmoji(first))) {
                return 2;
            }
            visible |= !zeroWidth(cp);
            i += Character.charCount(cp);
        }
        return visible ? 1 : 0;
    }

    private static boolean wide(int cp) {
        if (cp < WIDE[0]) {
            return false;
        }
        if (Character.isEmojiPresentation(cp)) {
            return true;
        }
        int low = 0;
        int high = WIDE.length / 2 - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (cp < WIDE[2 * mid]) {
                high = mid - 1;
            } else if (cp > WIDE[2 * mid + 1]) {
                low = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    private static boolean zeroWidth(int cp) {
        int type = Character.getType(cp);
        return (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || (type == Character.FORMAT && cp != 0x00AD))
                || (cp >= 0x1160 && cp <= 0x11FF) || (cp >= 0xD7B0 && cp <= 0xD7FF); // Hangul vowels and finals join the syllable's first letter
    }
}
