package org.retrovue.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {
    private static List<String> words(String line) {
        ShellWords.Split split = ShellWords.split(line);
        assertTrue(split.complete(), line);
        return split.texts();
    }

    @Test
    void splitsLikeAPosixShell() {
        assertEquals(List.of("source", "show", "My Plex Server"), words("source show \"My Plex Server\""));
        assertEquals(List.of("source", "show", "My Plex Server"), words("  source\tshow   'My Plex Server'  "));
        assertEquals(List.of("source", "show", "My Plex Server"), words("source show My\\ Plex\\ Server"));
        assertEquals(List.of("--name=My Plex"), words("--name=\"My Plex\""));
        assertEquals(List.of("it's"), words("'it'\\''s'"));
        assertEquals(List.of("a\"b", "c\\d", "$x", "\\n"), words("\"a\\\"b\" \"c\\\\d\" \"\\$x\" \"\\n\""));
        assertEquals(List.of("literal \\ and \" in single quotes"), words("'literal \\ and \" in single quotes'"));
        assertEquals(List.of("enrichers", "X", ""), words("enrichers X \"\""));
        assertEquals(List.of("enrichers", "X", ""), words("enrichers X ''"));
        assertEquals(List.of(), words("   "));
    }

    @Test
    void keepsTheRawSpanOfEachWord() {
        String line = "show \"My Plex\" x";
        List<ShellWords.Word> words = ShellWords.split(line).words();
        assertEquals("\"My Plex\"", line.substring(words.get(1).start(), words.get(1).end()));
        assertEquals("x", line.substring(words.get(2).start(), words.get(2).end()));
    }

    @Test
    void reportsUnfinishedLines() {
        assertEquals('"', ShellWords.split("show \"My Pl").openQuote());
        assertEquals('\'', ShellWords.split("show 'My Pl").openQuote());
        assertTrue(ShellWords.split("show My\\").danglingEscape());
        assertFalse(ShellWords.split("show \"My Pl").complete());
        assertTrue(ShellWords.split("show x ").endsInBlank());
        assertFalse(ShellWords.split("show x").endsInBlank());
    }

    @Test
    void quotesWhatNeedsIt() {
        assertFalse(ShellWords.needsQuoting("plain-word_1.2/x"));
        assertTrue(ShellWords.needsQuoting("My Plex"));
        assertTrue(ShellWords.needsQuoting(""));
        assertEquals("\"My Plex\"", ShellWords.quote("My Plex", '"', true));
        assertEquals("\"My Plex", ShellWords.quote("My Plex", '"', false));
        assertEquals("\"say \\\"hi\\\" \\$5\"", ShellWords.quote("say \"hi\" $5", '"', true));
        assertEquals("'it'\\''s'", ShellWords.quote("it's", '\'', true));
        assertEquals("My\\ Plex\\ \\(1\\)", ShellWords.escape("My Plex (1)"));
        for (String word : List.of("My Plex", "say \"hi\" $5 \\ `x`", "it's")) {
            assertEquals(List.of(word), words(ShellWords.escape(word)), "round trip through backslashes");
            assertEquals(List.of(word), words(ShellWords.quote(word, '"', true)), "round trip through double quotes");
            assertEquals(List.of(word), words(ShellWords.quote(word, '\'', true)), "round trip through single quotes");
        }
    }
}
