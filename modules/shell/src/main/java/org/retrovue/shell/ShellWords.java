package org.retrovue.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words as a POSIX shell does: blanks separate words; {@code '...'} is literal;
 * inside {@code "..."} a backslash escapes only {@code " \ $ `}; outside quotes a backslash escapes the next
 * character; quoted and unquoted parts next to each other make one word ({@code --name="My Plex"}); {@code ""} is
 * an empty word. Each word keeps where its raw text starts and ends, for completion and history redaction.
 */
final class ShellWords {
    /** A word: its text after quote removal, and its raw span {@code [start, end)} in the line. */
    record Word(String text, int start, int end) {}

    /**
     * The words of a line. {@code openQuote} is the quote still open at the end ({@code 0} when none), and
     * {@code danglingEscape} whether the line ends in an unescaped backslash: either means the line goes on.
     * {@code endsInBlank} says whether the line ends between words rather than inside one.
     */
    record Split(List<Word> words, char openQuote, boolean danglingEscape, boolean endsInBlank) {
        boolean complete() {
            return openQuote == 0 && !danglingEscape;
        }

        List<String> texts() {
            return words.stream().map(Word::text).toList();
        }
    }

    private static final String SPECIAL = " \t\n\r'\"\\$`;&|<>()*?[]#~{}!";

    private ShellWords() {}

    static Split split(String line) {
        List<Word> words = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int start = -1;
        char quote = 0;
        boolean escape = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (escape) {
                escape = false;
                if (quote == '"' && !(c == '"' || c == '\\' || c == '$' || c == '`' || c == '\n')) {
                    text.append('\\');
                }
                if (c != '\n') {
                    text.append(c);
                }
                continue;
            }
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    text.append(c);
                }
                continue;
            }
            if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\') {
                    escape = true;
                } else {
                    text.append(c);
                }
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (start >= 0) {
                    words.add(new Word(text.toString(), start, i));
                    text.setLength(0);
                    start = -1;
                }
                continue;
            }
            if (start < 0) {
                start = i;
            }
            if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '\\') {
                escape = true;
            } else {
                text.append(c);
            }
        }
        boolean endsInBlank = start < 0;
        if (start >= 0) {
            words.add(new Word(text.toString(), start, line.length()));
        }
        return new Split(List.copyOf(words), quote, escape, endsInBlank);
    }

    /** Whether {@code word} must be quoted to come back as itself. */
    static boolean needsQuoting(CharSequence word) {
        if (word.isEmpty()) {
            return true;
        }
        for (int i = 0; i < word.length(); i++) {
            if (SPECIAL.indexOf(word.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** {@code word} with a backslash before every character a shell would take specially. */
    static String escape(CharSequence word) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * {@code word} as it must be typed: unchanged when that is safe, else in {@code quote} ({@code '} or
     * {@code "}); with {@code close} false the quote is left open, so that more can be typed after it.
     */
    static String quote(CharSequence word, char quote, boolean close) {
        StringBuilder out = new StringBuilder().append(quote);
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (quote == '\'' && c == '\'') {
                out.append("'\\''");
            } else if (quote == '"' && (c == '"' || c == '\\' || c == '$' || c == '`')) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        if (close) {
            out.append(quote);
        }
        return out.toString();
    }
}
