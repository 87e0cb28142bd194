package org.retrovue.persistence;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;

/**
 * Rows in PostgreSQL's COPY text format, written straight as UTF-8 bytes: {@code \N} for null; backslash, tab,
 * newline and return escaped. Building the text in a StringBuilder and encoding it at the end copied every batch
 * three or four times (and twice as wide once a title held a character beyond Latin-1): a quarter of the writer's
 * CPU in a 50,000-item ingest. The buffer is reused from one batch to the next.
 */
final class CopyRows {
    private static final byte[] NULL = {'\\', 'N'};

    private byte[] bytes;
    private int length;

    CopyRows() {
        this(1 << 16);
    }

    CopyRows(int capacity) {
        bytes = new byte[capacity];
    }

    /** Empties the buffer for the next batch, keeping its room. */
    CopyRows clear() {
        length = 0;
        return this;
    }

    /** The rows written, for the driver's {@code copyIn}; valid until the next write. */
    InputStream stream() {
        return new ByteArrayInputStream(bytes, 0, length);
    }

    CopyRows tab() {
        return put('\t');
    }

    CopyRows endRow() {
        return put('\n');
    }

    /** Text that needs no escaping (a UUID, a fixed word): written as it is, one byte per character. */
    CopyRows plain(String ascii) {
        room(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            bytes[length++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    CopyRows field(String value) {
        if (value == null) {
            return nul();
        }
        room(value.length() * 3 + 2); // at most three bytes a character, or two escaped; a surrogate pair is four for two
        byte[] b = bytes;
        int n = length;
        for (int i = 0, size = value.length(); i < size; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> { b[n++] = '\\'; b[n++] = '\\'; }
                    case '\t' -> { b[n++] = '\\'; b[n++] = 't'; }
                    case '\n' -> { b[n++] = '\\'; b[n++] = 'n'; }
                    case '\r' -> { b[n++] = '\\'; b[n++] = 'r'; }
                    default -> b[n++] = (byte) c;
                }
            } else if (c < 0x800) {
                b[n++] = (byte) (0xc0 | c >> 6);
                b[n++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < size && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                b[n++] = (byte) (0xf0 | cp >> 18);
                b[n++] = (byte) (0x80 | cp >> 12 & 0x3f);
                b[n++] = (byte) (0x80 | cp >> 6 & 0x3f);
                b[n++] = (byte) (0x80 | cp & 0x3f);
            } else if (Character.isSurrogate(c)) {
                b[n++] = '?'; // a lone surrogate, as String.getBytes(UTF_8) writes it
            } else {
                b[n++] = (byte) (0xe0 | c >> 12);
                b[n++] = (byte) (0x80 | c >> 6 & 0x3f);
                b[n++] = (byte) (0x80 | c & 0x3f);
            }
        }
        length = n;
        return this;
    }

    CopyRows field(Long value) {
        return value == null ? nul() : number(value);
    }

    CopyRows field(Integer value) {
        return value == null ? nul() : number(value);
    }

    CopyRows field(Boolean value) {
        return value == null ? nul() : put(value ? 't' : 'f');
    }

    CopyRows number(long value) {
        if (value == Long.MIN_VALUE) {
            return plain(Long.toString(value));
        }
        if (value < 0) {
            put('-');
            value = -value;
        }
        int width = 1;
        for (long v = value; v >= 10; v /= 10) {
            width++;
        }
        return digits(value, width);
    }

    /**
     * An instant as {@code timestamptz} reads it, {@code 2024-05-06 07:08:09.123456789+00}: all nine digits of the
     * nanoseconds, which PostgreSQL rounds to the microsecond it keeps (Instant.toString, through DateTimeFormatter,
     * cost a tenth of the writer's time). Years outside 1 to 9999 take Instant's own form.
     */
    CopyRows field(Instant value) {
        if (value == null) {
            return nul();
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(value.getEpochSecond(), value.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 1 || t.getYear() > 9999) {
            return field(value.toString());
        }
        room(32);
        digits(t.getYear(), 4).put('-');
        digits(t.getMonthValue(), 2).put('-');
        digits(t.getDayOfMonth(), 2).put(' ');
        digits(t.getHour(), 2).put(':');
        digits(t.getMinute(), 2).put(':');
        digits(t.getSecond(), 2);
        if (t.getNano() != 0) {
            put('.').digits(t.getNano(), 9); // PostgreSQL rounds to microseconds, as it did Instant.toString's digits
        }
        return plain("+00");
    }

    CopyRows field(java.time.LocalDate value) {
        return field(value == null ? null : value.toString());
    }

    /**
     * A map of strings as a JSON object (for a jsonb column, which keeps keys in an order of its own), or null when it
     * is empty: written straight into the row, escaped for JSON and then for COPY.
     */
    CopyRows json(Map<String, String> map) {
        if (map.isEmpty()) {
            return nul();
        }
        put('{');
        boolean first = true;
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (!first) {
                put(',');
            }
            first = false;
            jsonString(e.getKey()).put(':');
            jsonString(e.getValue());
        }
        return put('}');
    }

    /** A JSON string: quote and backslash escaped, control characters as four hex digits; each backslash doubled for COPY. */
    private CopyRows jsonString(String value) {
        put('"');
        int from = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                field(value.substring(from, i));
                if (c == '"') {
                    plain("\\\\\""); // \" in JSON, its backslash doubled for COPY
                } else if (c == '\\') {
                    plain("\\\\\\\\"); // \\ in JSON, each backslash doubled for COPY
                } else {
                    plain("\\\\u00").put(Character.forDigit(c >> 4, 16)).put(Character.forDigit(c & 0xf, 16));
                }
                from = i + 1;
            }
        }
        field(from == 0 ? value : value.substring(from));
        return put('"');
    }

    /** Bytes written as they are: a part of every row made once (CopyRows.toBytes). */
    CopyRows raw(byte[] part) {
        room(part.length);
        System.arraycopy(part, 0, bytes, length, part.length);
        length += part.length;
        return this;
    }

    byte[] toBytes() {
        return Arrays.copyOf(bytes, length);
    }

    private CopyRows nul() {
        room(2);
        System.arraycopy(NULL, 0, bytes, length, 2);
        length += 2;
        return this;
    }

    private CopyRows put(char ascii) {
        room(1);
        bytes[length++] = (byte) ascii;
        return this;
    }

    /** {@code value} in exactly {@code width} digits, with leading zeros. */
    private CopyRows digits(long value, int width) {
        room(width);
        int i = length + width - 1;
        for (; value > Integer.MAX_VALUE; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        for (int small = (int) value; i >= length; i--) { // int division: long division is a runtime call in C1 code
            bytes[i] = (byte) ('0' + small % 10);
            small /= 10;
        }
        length += width;
        return this;
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
