package org.retrovue.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Terminal columns per user-perceived character. */
class DisplayWidthTest {
    @Test
    void asciiAndLatinLettersTakeOneColumnEach() {
        assertEquals(0, DisplayWidth.of(""));
        assertEquals(13, DisplayWidth.of("Alien (1979)!"));
        assertEquals(4, DisplayWidth.of("Café"), "precomposed é");
        assertEquals(4, DisplayWidth.of("Cafe\u0301"), "e and a combining acute accent: one column");
        assertEquals(1, DisplayWidth.of("a\u0301\u0323\u0308"), "any number of combining marks");
        assertEquals(0, DisplayWidth.of("\u0301"), "a combining mark on its own");
        assertEquals(0, DisplayWidth.of("\u200b\u200d"), "zero-width space and joiner");
    }

    @Test
    void eastAsianWideAndFullwidthTakeTwo() {
        assertEquals(6, DisplayWidth.of("日本語"));
        assertEquals(14, DisplayWidth.of("となりのトトロ"));
        assertEquals(4, DisplayWidth.of("한국"), "Hangul syllables");
        assertEquals(2, DisplayWidth.of("\u1112\u1161\u11ab"), "a Hangul syllable of conjoining jamo is one wide character");
        assertEquals(4, DisplayWidth.of("ＡＢ"), "fullwidth Latin");
        assertEquals(3, DisplayWidth.of("ｱｲｳ"), "halfwidth katakana");
        assertEquals(2, DisplayWidth.of("\u3000"), "ideographic space");
        assertEquals(2, DisplayWidth.of("𠀋"), "a supplementary ideograph, a surrogate pair");
        assertEquals(10, DisplayWidth.of("x 映画.mkv"), "mixed");
    }

    @Test
    void emojiTakeTwoWhateverTheSequence() {
        assertEquals(2, DisplayWidth.of("🎬"));
        assertEquals(2, DisplayWidth.of("👨\u200d👩\u200d👧"), "a family joined by ZWJs is one glyph");
        assertEquals(2, DisplayWidth.of("🇯🇵"), "a flag: two regional indicators");
        assertEquals(4, DisplayWidth.of("🇯🇵🇫🇷"), "two flags");
        assertEquals(2, DisplayWidth.of("👍🏽"), "with a skin tone");
        assertEquals(2, DisplayWidth.of("❤\ufe0f"), "a text-presentation emoji made an emoji by VS16");
        assertEquals(1, DisplayWidth.of("❤"), "the same without VS16");
        assertEquals(2, DisplayWidth.of("1\ufe0f\u20e3"), "a keycap");
        assertEquals(2, DisplayWidth.of("🏳\ufe0f\u200d🌈"), "a ZWJ sequence with VS16");
        assertEquals(2, DisplayWidth.of("🫨"), "an emoji newer than the table (Unicode 15)");
        assertEquals(7, DisplayWidth.of("a🎬b👨\u200d👩\u200d👧c"));
    }
}
