package org.retrovue.fakejellyfin;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes JSON as it goes, with the commas where they belong: enough for the servers' answers, which are objects of
 * strings, numbers, booleans and arrays. Null values are left out altogether, as both servers leave them out.
 */
final class JsonWriter {
    private final Writer out;
    /** One entry per open object or array: whether nothing has been written in it yet. */
    private final Deque<Boolean> empty = new ArrayDeque<>();
    private boolean afterName;

    JsonWriter(Writer out) {
        this.out = out;
    }

    JsonWriter beginObject() throws IOException {
        separate();
        out.write('{');
        empty.push(true);
        return this;
    }

    JsonWriter endObject() throws IOException {
        empty.pop();
        out.write('}');
        return this;
    }

    JsonWriter beginArray() throws IOException {
        separate();
        out.write('[');
        empty.push(true);
        return this;
    }

    JsonWriter endArray() throws IOException {
        empty.pop();
        out.write(']');
        return this;
    }

    /** Starts a member whose value (an object or array) follows. */
    JsonWriter name(String name) throws IOException {
        separate();
        string(name);
        out.write(':');
        afterName = true;
        return this;
    }

    JsonWriter member(String name, String value) throws IOException {
        if (value != null) {
            name(name);
            value(value);
        }
        return this;
    }

    JsonWriter member(String name, Number value) throws IOException {
        if (value != null) {
            name(name);
            separate();
            out.write(value.toString());
        }
        return this;
    }

    JsonWriter member(String name, boolean value) throws IOException {
        name(name);
        separate();
        out.write(Boolean.toString(value));
        return this;
    }

    /** A string value: an array element, or the value of the member just named. */
    JsonWriter value(String value) throws IOException {
        separate();
        string(value);
        return this;
    }

    void flush() throws IOException {
        out.flush();
    }

    /** Writes the comma a value needs before it: none after a name, none first in its object or array. */
    private void separate() throws IOException {
        if (afterName) {
            afterName = false;
            return;
        }
        if (empty.isEmpty()) {
            return;
        }
        if (empty.pop()) {
            empty.push(false);
        } else {
            empty.push(false);
            out.write(',');
        }
    }

    /** Whether the value needs no escaping: the common case, written as it is. */
    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    private void string(String value) throws IOException {
        if (plain(value)) {
            out.write('"');
            out.write(value);
            out.write('"');
            return;
        }
        out.write('"');
        int run = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String escape = switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                default -> c < 0x20 || c == '\u2028' || c == '\u2029' ? String.format("\\u%04x", (int) c) : null;
            };
            if (escape != null) {
                out.write(value, run, i - run);
                out.write(escape);
                run = i + 1;
            }
        }
        out.write(value, run, value.length() - run);
        out.write('"');
    }
}
