package org.retrovue.fakeplex;

import com.sun.net.httpserver.HttpExchange;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request's parameters. The query is decoded, so {@code updatedAt%3E%3E=1} and a raw {@code updatedAt>>=1}
 * read alike (though the JDK server refuses a raw {@code >} with 400 before any handler runs). Plex's own
 * parameters (token, container start and size) come as headers or as query parameters: when both are present,
 * the query parameter wins.
 */
final class PlexRequest {
    private final HttpExchange exchange;
    private final Map<String, String> query;

    /** Refuses (IllegalArgumentException) a query with broken percent-encoding. */
    PlexRequest(HttpExchange exchange) {
        this.exchange = exchange;
        this.query = decode(exchange.getRequestURI().getRawQuery());
    }

    String path() {
        return exchange.getRequestURI().getPath();
    }

    Map<String, String> query() {
        return query;
    }

    Optional<String> plexParameter(String name) {
        String value = query.get(name);
        return Optional.ofNullable(value != null ? value : exchange.getRequestHeaders().getFirst(name));
    }

    /** A Plex parameter that must be a whole number of at least 0, or {@code absent} when not given. */
    int count(String name, int absent) {
        Optional<String> value = plexParameter(name);
        if (value.isEmpty()) {
            return absent;
        }
        int count;
        try {
            count = Integer.parseInt(value.get().trim());
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 0) {
            throw new IllegalArgumentException(name + " must be a whole number of at least 0: " + value.get());
        }
        return count;
    }

    Format format() {
        return format(exchange);
    }

    static Format format(HttpExchange exchange) {
        List<String> accept = exchange.getRequestHeaders().get("Accept");
        return Format.forAccept(accept == null ? null : String.join(",", accept));
    }

    private static Map<String, String> decode(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, String> decoded = new HashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            decoded.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return Collections.unmodifiableMap(decoded);
    }
}
