package org.retrovue.persistence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text to and from plain values (maps, lists, strings, numbers, booleans, null) with Jackson's streaming
 * API. The data-binding layer is not used: it costs more start-up time than all of a one-shot command's work.
 */
public final class JsonText {
    // Writing a document must not close the writer: in the shell, standard output outlives every command.
    private static final JsonFactory FACTORY = JsonFactory.builder().disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private JsonText() {}

    /** Compact JSON of a plain value. */
    public static String write(Object value) {
        StringWriter out = new StringWriter();
        write(value, out, false);
        return out.toString();
    }

    /** Writes a plain value, indented like Jackson's default pretty printer when {@code pretty}. */
    public static void write(Object value, Writer out, boolean pretty) {
        write(value, out, pretty, false);
    }

    /**
     * Writes a plain value; with {@code forTerminal}, DEL, the C1 controls and the bidirectional overrides are
     * written as {@code \\u} escapes too (JSON escapes the C0 controls anyway), so that no string in a document
     * printed on a terminal can act on it.
     */
    public static void write(Object value, Writer out, boolean pretty, boolean forTerminal) {
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            if (forTerminal) {
                generator.setCharacterEscapes(TerminalEscapes.INSTANCE);
            }
            if (pretty) {
                generator.useDefaultPrettyPrinter();
            }
            writeValue(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON's own escapes, plus DEL, C1 controls, line separators and bidirectional overrides as {@code \\uXXXX}. */
    private static final class TerminalEscapes extends com.fasterxml.jackson.core.io.CharacterEscapes {
        private static final long serialVersionUID = 1L;
        static final TerminalEscapes INSTANCE = new TerminalEscapes();
        private final int[] table;

        private TerminalEscapes() {
            table = standardAsciiEscapesForJSON();
            table[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        @Override
        public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int c) {
            if ((c >= 0x80 && c <= 0x9f) || c == 0x2028 || c == 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
                return new com.fasterxml.jackson.core.io.SerializedString(String.format(java.util.Locale.ROOT, "\\u%04x", c));
            }
            return null;
        }
    }

    // An if-chain, not a pattern switch: a type switch makes the JVM generate a class at start-up.
    private static void writeValue(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Integer i) {
            g.writeNumber(i);
        } else if (value instanceof Long l) {
            g.writeNumber(l);
        } else if (value instanceof Double d) {
            g.writeNumber(d);
        } else if (value instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (value instanceof BigInteger i) {
            g.writeNumber(i);
        } else if (value instanceof Number n) {
            g.writeNumber(n.toString());
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof Iterable<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                writeValue(g, item);
            }
            g.writeEndArray();
        } else {
            g.writeString(value.toString());
        }
    }

    /** The JSON object in {@code text} as an order-keeping map; null for null. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readObject(String text) {
        if (text == null) {
            return null;
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            Object value = readValue(parser, parser.nextToken());
            if (!(value instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("expected a JSON object but found: " + text);
            }
            return (Map<String, Object>) value;
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
    }

    /** The strings of the JSON array in {@code text}, in order (other elements left out); empty for null. */
    public static List<String> readStrings(String text) {
        return text == null ? List.of() : readList(text).stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }

    /** The JSON array in {@code text}, its objects as order-keeping maps; null for null. */
    @SuppressWarnings("unchecked")
    public static List<Object> readList(String text) {
        if (text == null) {
            return null;
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (!(readValue(parser, parser.nextToken()) instanceof List<?> list)) {
                throw new IllegalArgumentException("expected a JSON array but found: " + text);
            }
            return (List<Object>) list;
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
    }

    private static Object readValue(JsonParser p, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String name = p.currentName();
                    map.put(name, readValue(p, p.nextToken()));
                }
                yield map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    list.add(readValue(p, t));
                }
                yield list;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected JSON token " + token);
        };
    }
}
