package org.retrovue.persistence;

/** Fields in PostgreSQL's COPY text format: {@code \N} for null; backslash, tab, newline and return escaped. */
final class CopyText {
    private CopyText() {}

    static StringBuilder field(StringBuilder out, String value) {
        if (value == null) {
            return out.append("\\N");
        }
        if (plain(value)) {
            return out.append(value); // the usual case, appended whole
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out;
    }

    private static boolean plain(String value) {
        // four indexOf scans (vectorized by the JIT) beat one loop over the characters
        return value.indexOf('\\') < 0 && value.indexOf('\t') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0;
    }
}
