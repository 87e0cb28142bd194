package org.retrovue.cli.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Plain-text output: aligned tables for lists, {@code key: value} blocks for one record. */
public final class Text {
    private Text() {}

    /** Prints a table whose columns are as wide as their widest cell; nothing but a note when there are no rows. */
    public static void table(PrintWriter out, List<String> headers, List<List<String>> rows, String whenEmpty) {
        if (rows.isEmpty()) {
            out.println(whenEmpty);
            out.flush();
            return;
        }
        int[] widths = new int[headers.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(headers);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], cell(row, i).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String value = cell(row, i);
                line.append(value);
                if (i < widths.length - 1) {
                    line.append(" ".repeat(widths[i] - value.length() + 2));
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
        fields.forEach((k, v) -> out.println(indent + k + ":" + " ".repeat(width - k.length() + 1) + (v == null ? "-" : v)));
        out.flush();
    }

    /** A config map as one line: {@code a=1, b=[x, y]}. */
    public static String inline(Map<String, Object> config) {
        if (config == null || config.isEmpty()) {
            return "-";
        }
        return config.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
