package org.retrovue.cli.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plain-text output: aligned tables for lists, {@code key: value} blocks for one record. Every value is
 * {@linkplain #escape escaped}: names, titles and paths come from operators, servers and disks, and a control
 * character in one must not reach the terminal.
 */
public final class Text {
    private Text() {}

    /**
     * {@code text} with every character that a terminal would act on instead of show written out: C0 controls
     * (newline as {@code \n}, tab {@code \t}, return {@code \r}, others as {@code \x1b}), DEL ({@code \x7f}), C1
     * controls (U+0080 to U+009F, as a backslash, u and four hex digits), and the line separators and bidirectional
     * overrides that make text read other than it is (the same way). Null stays null. The one function for every text output
     * and every stderr line (JSON escapes by its own rules).
     */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !special(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text; // the usual case
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!special(c)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c < 0x80) {
                out.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
            } else {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static final java.util.regex.Pattern CLASS_NAME = java.util.regex.Pattern.compile(
            "\\b(?:[a-z_][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)\\b:?\\s*|\\b[A-Z][\\w$]*(?:Exception|Error)\\b:\\s*");

    /**
     * {@code message} without Java class names ({@code java.net.ConnectException: }, {@code SomeException: }), which
     * a library's message may carry: an {@code error:} line says what happened, not which class said it.
     */
    public static String withoutClassNames(String message) {
        if (message == null) {
            return null;
        }
        String worded = message.contains("Exception")
                ? FileExceptions.NAME.matcher(message).replaceAll(m -> FileExceptions.WORDS.get(m.group(1)) + (m.group(2) == null ? "" : ":"))
                : message;
        return CLASS_NAME.matcher(worded).replaceAll("");
    }

    /**
     * The JDK's file exceptions, whose names a plugin's message may hold without a colon after them ("... NoSuchFileException
     * /x"), in words; compiled when first needed (every command loads this class; few print an error).
     */
    private static final class FileExceptions {
        static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile(
                "\\b(?:java\\.nio\\.file\\.)?(NoSuchFile|AccessDenied|NotDirectory|FileSystemLoop|DirectoryNotEmpty|FileAlreadyExists)Exception\\b(:)?");
        static final Map<String, String> WORDS = Map.of("NoSuchFile", "no such file", "AccessDenied", "permission denied",
                "NotDirectory", "not a folder", "FileSystemLoop", "symbolic link loop", "DirectoryNotEmpty", "folder not empty",
                "FileAlreadyExists", "already exists");
    }

    /** Whether {@link #escape} writes {@code c} out. */
    static boolean special(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }

    /**
     * Prints a table whose columns are as wide as their widest cell on a terminal ({@link DisplayWidth}: CJK and emoji
     * take two columns, combining marks none); nothing but a note when there are no rows.
     */
    public static void table(PrintWriter out, List<String> headers, List<List<String>> rows, String whenEmpty) {
        if (rows.isEmpty()) {
            out.println(whenEmpty);
            out.flush();
            return;
        }
        int[] widths = new int[headers.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(headers);
        for (List<String> row : rows) {
            List<String> shown = new ArrayList<>(row.size());
            for (String value : row) {
                shown.add(escape(value));
            }
            all.add(shown);
        }
        for (List<String> row : all) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], DisplayWidth.of(cell(row, i)));
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String value = cell(row, i);
                line.append(value);
                if (i < widths.length - 1) {
                    line.append(" ".repeat(widths[i] - DisplayWidth.of(value) + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    private static String cell(List<String> row, int i) {
        String value = i < row.size() ? row.get(i) : null;
        return value == null ? "-" : value;
    }

    /** Prints {@code key: value} lines with the values aligned. */
    public static void block(PrintWriter out, Map<String, String> fields, String indent) {
        int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
        fields.forEach((k, v) -> out.println(indent + k + ":" + " ".repeat(width - k.length() + 1) + (v == null ? "-" : escape(v))));
        out.flush();
    }

    /** Prints one line of text made of {@code parts}, each escaped; the parts that are our own words pass through unchanged. */
    public static void line(PrintWriter out, String... parts) {
        StringBuilder line = new StringBuilder();
        for (String part : parts) {
            line.append(escape(part));
        }
        out.println(line);
    }

    /** A config map as one line: {@code a=1, b=[x, y]}. */
    public static String inline(Map<String, Object> config) {
        if (config == null || config.isEmpty()) {
            return "-";
        }
        return config.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
