package org.retrovue.persistence.internal;

import java.util.List;
import java.util.Map;
import org.retrovue.persistence.CatalogException;
import org.retrovue.persistence.JsonText;

/** A {@code jsonb} config column as text and back, for both the JDBC reader and the entity session. */
final class StoredConfig {
    private StoredConfig() {}

    static Map<String, Object> parse(String json) {
        try {
            return JsonText.readObject(json);
        } catch (IllegalArgumentException e) {
            throw new CatalogException("stored configuration is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** A collection's {@code locations} column: the strings of its JSON array. */
    static List<String> parseLocations(String json) {
        try {
            return JsonText.readStrings(json);
        } catch (IllegalArgumentException e) {
            throw new CatalogException("stored locations are not a JSON array: " + e.getMessage(), e);
        }
    }

    static String text(List<String> locations) {
        return JsonText.write(locations);
    }

    /** JSON text for the column; a null map stays SQL NULL. */
    static String text(Map<String, Object> config) {
        return config == null ? null : JsonText.write(config);
    }
}
