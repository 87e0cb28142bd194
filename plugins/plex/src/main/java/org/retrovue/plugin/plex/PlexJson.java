package org.retrovue.plugin.plex;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plex's JSON answers ({@code {"MediaContainer": {...}}}) as plain maps and lists, read with jackson-core. */
final class PlexJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private PlexJson() {}

    /** The MediaContainer object of an answer. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> container(java.io.InputStream body) throws IOException {
        try (JsonParser parser = FACTORY.createParser(body)) {
            Object root = value(parser, parser.nextToken());
            if (root instanceof Map<?, ?> map && map.get("MediaContainer") instanceof Map<?, ?> container) {
                return (Map<String, Object>) container;
            }
            throw new IOException("no MediaContainer object");
        }
    }

    /** The objects of list {@code name} in {@code object}; none when it is absent (Plex omits empty lists). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> object, String name) {
        List<Map<String, Object>> items = new ArrayList<>();
        if (object.get(name) instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    items.add((Map<String, Object>) map);
                }
            }
        }
        return items;
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
