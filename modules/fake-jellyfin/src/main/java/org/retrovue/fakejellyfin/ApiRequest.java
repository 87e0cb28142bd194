package org.retrovue.fakejellyfin;

import com.sun.net.httpserver.HttpExchange;

import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * One request's path (below the base path) and query, whose parameter names are case-insensitive as both servers
 * bind them ({@code startIndex} and {@code StartIndex} alike); the first of repeated parameters wins.
 */
final class ApiRequest {
    private final HttpExchange exchange;
    private final String path;
    private final Map<String, String> query;

    /** Refuses (IllegalArgumentException) a query with broken percent-encoding. */
    ApiRequest(HttpExchange exchange, String path) {
        this.exchange = exchange;
        this.path = path;
        this.query = decode(exchange.getRequestURI().getRawQuery());
    }

    String path() {
        return path;
    }

    Optional<String> parameter(String name) {
        return Optional.ofNullable(query.get(name));
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name)).filter(value -> !value.isEmpty());
    }

    /** A whole number of at least 0, or {@code absent} when not given; anything else is refused. */
    int count(String name, int absent) {
        Optional<String> value = parameter(name).filter(v -> !v.isBlank());
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
            throw new IllegalArgumentException("The value '" + value.get() + "' is not valid for " + name + ".");
        }
        return count;
    }

    boolean flag(String name) {
        return parameter(name).map(value -> value.trim().equalsIgnoreCase("true")).orElse(false);
    }

    /** A comma-separated list, without blanks. */
    List<String> list(String name) {
        List<String> values = new ArrayList<>();
        parameter(name).ifPresent(value -> {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
        });
        return values;
    }

    private static Map<String, String> decode(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, String> decoded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            decoded.putIfAbsent(URLDecoder.decode(name, UTF_8), URLDecoder.decode(value, UTF_8));
        }
        return Collections.unmodifiableMap(decoded);
    }
}
