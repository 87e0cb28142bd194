package org.retrovue.persistence.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.retrovue.persistence.CatalogException;

/** JSON text of {@code jsonb} columns to and from maps. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private Json() {}

    static String write(Map<String, Object> value) {
        if (value == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new CatalogException("configuration is not JSON-compatible: " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, Object> read(String json) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new CatalogException("stored configuration is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
