package org.retrovue.plugin.jellyfin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The servers' JSON answers as plain maps and lists, read with jackson-core. */
final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {}

    /** The answer's root value: a map, a list, or a scalar. */
    static Object parse(java.io.InputStream body) throws IOException {
        try (JsonParser parser = FACTORY.createParser(body)) {
            Object root = value(parser, parser.nextToken());
            if (parser.nextToken() != null) {
                throw new IOException("trailing content");
            }
            return root;
        }
    }

    /** The objects of list {@code name} in {@code object}; none when it is absent (the servers leave out nulls). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object object, String name) {
        Object list = object instanceof Map<?, ?> map ? map.get(name) : null;
        return objects(list);
    }

    /** The objects of a list value. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects(Object value) {
        List<Map<String, Object>> items = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    items.add((Map<String, Object>) map);
                }
            }
        }
        return items;
    }

    static String text(Map<String, Object> object, String key) {
        return object.get(key) instanceof String value && !value.isBlank() ? value : null;
    }

    static long number(Object value, long fallback) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    static Integer integer(Object value) {
        long n = number(value, Long.MIN_VALUE);
        return n == Long.MIN_VALUE || n > Integer.MAX_VALUE || n < Integer.MIN_VALUE ? null : (int) n;
    }

    private static Object value(JsonParser p, JsonToken token) throws IOException {
        if (token == null) {
            throw new IOException("empty answer");
        }
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String name = p.currentName();
                    map.put(name, value(p, p.nextToken()));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    list.add(value(p, t));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }
}
