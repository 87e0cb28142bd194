package org.retrovue.persistence;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep, order-keeping, unmodifiable copies of JSON-shaped maps (nulls allowed, unlike {@code Map.copyOf}). */
final class JsonMaps {
    private JsonMaps() {}

    static Map<String, Object> immutable(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, immutableValue(v)));
        return Collections.unmodifiableMap(copy);
    }

    @SuppressWarnings("unchecked")
    private static Object immutableValue(Object value) {
        if (value instanceof Map<?, ?> m) {
            return immutable((Map<String, Object>) m);
        }
        if (value instanceof List<?> l) {
            return Collections.unmodifiableList(l.stream().map(JsonMaps::immutableValue).toList());
        }
        return value;
    }
}
