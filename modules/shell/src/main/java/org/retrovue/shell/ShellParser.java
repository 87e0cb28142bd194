package org.retrovue.shell;

import java.util.ArrayList;
import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.Parser;

/**
 * JLine's view of {@link ShellWords}: an accepted line with an open quote or a trailing backslash continues on the
 * next line; for completion, the word under the cursor is the text from its start to the cursor, and a candidate
 * that needs quoting is inserted quoted: in the quote the operator opened, else in double quotes, or with
 * backslashes when it is not whole yet (a directory on the way to a file).
 */
final class ShellParser implements Parser {
    @Override
    public CompletingParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE || context == ParseContext.SECONDARY_PROMPT) {
            ShellWords.Split whole = ShellWords.split(line);
            if (!whole.complete()) {
                String missing = whole.openQuote() == '\'' ? "quote" : whole.openQuote() == '"' ? "dquote" : "escape";
                throw new EOFError(-1, cursor, "unfinished " + missing, missing);
            }
        }
        ShellWords.Split before = ShellWords.split(line.substring(0, cursor));
        List<String> words = new ArrayList<>(before.texts());
        int rawStart;
        if (before.endsInBlank()) {
            words.add("");
            rawStart = cursor;
        } else {
            rawStart = before.words().getLast().start();
        }
        return new Parsed(line, cursor, List.copyOf(words), cursor - rawStart, before.openQuote());
    }

    @Override
    public boolean isEscapeChar(char ch) {
        return ch == '\\';
    }

    /** The words up to the cursor; the last one is the word being completed. */
    private record Parsed(String line, int cursor, List<String> words, int rawWordLength, char openQuote) implements CompletingParsedLine {
        @Override
        public String word() {
            return words.getLast();
        }

        @Override
        public int wordCursor() {
            return word().length();
        }

        @Override
        public int wordIndex() {
            return words.size() - 1;
        }

        @Override
        public int rawWordCursor() {
            return rawWordLength;
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            if (openQuote != 0) {
                return ShellWords.quote(candidate, openQuote, complete);
            }
            if (!ShellWords.needsQuoting(candidate)) {
                return candidate;
            }
            // a whole name goes in quotes; a directory still being typed is escaped instead, so Enter still works
            return complete ? ShellWords.quote(candidate, '"', true) : ShellWords.escape(candidate);
        }
    }
}
