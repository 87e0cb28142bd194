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
    private final StringBuilder scratch = new StringBuilder(256);
    private char[] chars = new char[256];

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

    private void string(String value) throws IOException {
        StringBuilder text = scratch;
        text.setLength(0);
        text.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                case '\b' -> text.append("\\b");
                case '\f' -> text.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        text.append(String.format("\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        text.append('"');
        int length = text.length();
        if (chars.length < length) {
            chars = new char[Math.max(length, chars.length * 2)];
        }
        text.getChars(0, length, chars, 0);
        out.write(chars, 0, length);
    }
}
