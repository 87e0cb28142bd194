package org.retrovue.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one escaping function of text output and stderr, and the class names kept out of error lines. */
class TextTest {
    @Test
    void controlCharactersAreWrittenOut() {
        assertEquals("a\\x1b]0;t\\x07\\x1b[2J\\nb\\tc\\rd\\x7f\\u009b\\u202e\\x00", Text.escape("a\u001b]0;t\u0007\u001b[2J\nb\tc\rd\u007f\u009b\u202e\0"));
        assertEquals("D:\\Media\\TV é 日本", Text.escape("D:\\Media\\TV é 日本"), "backslashes and letters stay");
        assertEquals(null, Text.escape(null));
    }

    @Test
    void classNamesAreLeftOut() {
        assertEquals("Connection refused", Text.withoutClassNames("java.net.ConnectException: Connection refused"));
        assertEquals("cannot reach x: refused", Text.withoutClassNames("cannot reach x: DatabaseUnavailableException: refused"));
        assertEquals("an Error in the plan", Text.withoutClassNames("an Error in the plan"));
        // a plugin's warning that names what the JDK threw says it in words
        assertEquals("cannot read a.mkv: no such file /m/a.mkv", Text.withoutClassNames("cannot read a.mkv: NoSuchFileException /m/a.mkv"));
        assertEquals("cannot read b: permission denied", Text.withoutClassNames("cannot read b: AccessDeniedException"));
        assertEquals("permission denied: /m/b", Text.withoutClassNames("java.nio.file.AccessDeniedException: /m/b"));
        assertEquals("cannot read c: Too many levels of symbolic links",
                Text.withoutClassNames("cannot read c: FileSystemException: Too many levels of symbolic links"));
    }

    @Test
    void tableColumnsLineUpOnTheTerminalWhateverTheCharacters() {
        List<String> names = List.of("plain", "日本語の映画", "🎬 films", "👨\u200d👩\u200d👧 family", "🇯🇵🇫🇷", "Cafe\u0301 é", "한국 드라마", "𠀋𠀋");
        List<List<String>> rows = new ArrayList<>();
        for (String name : names) {
            rows.add(List.of(name, "x", name + "!", "end"));
        }
        StringWriter out = new StringWriter();
        Text.table(new PrintWriter(out), List.of("NAME", "TYPE", "AGAIN", "LAST"), rows, "none");
        List<String> lines = out.toString().lines().toList();
        assertEquals(names.size() + 1, lines.size(), out::toString);
        List<Integer> header = columnStarts(lines.get(0), "TYPE", "AGAIN", "LAST");
        for (int i = 1; i < lines.size(); i++) {
            assertEquals(header, columnStarts(lines.get(i), " x  ", names.get(i - 1) + "!", "end"), "row " + i + " lines up with the header:\n" + out);
        }
        assertEquals(List.of(14, 20, 35), header, "as wide as the widest cell (12 columns, 6 characters) plus two spaces:\n" + out);
    }

    /** The terminal column at which each of {@code cells} starts in {@code line}, searched in order. */
    private static List<Integer> columnStarts(String line, String... cells) {
        List<Integer> starts = new ArrayList<>();
        int from = 0;
        for (String cell : cells) {
            int at = line.indexOf(cell, from);
            String trimmed = cell.strip();
            at += cell.indexOf(trimmed);
            starts.add(DisplayWidth.of(line.substring(0, at)));
            from = at + trimmed.length();
        }
        return starts;
    }
}
