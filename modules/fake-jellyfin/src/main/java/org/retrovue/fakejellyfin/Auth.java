package org.retrovue.fakejellyfin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the key a request carries, where the dialect looks for it, in its order.
 *
 * <p>Jellyfin (its {@code AuthorizationContext}): the {@code Token} of an {@code Authorization: MediaBrowser ...}
 * header, then the {@code ApiKey} query parameter. With legacy authorization on, also: the
 * {@code X-Emby-Authorization} header when there is no {@code Authorization}, the {@code Emby} scheme name, and
 * after the header's token the {@code X-Emby-Token} and {@code X-MediaBrowser-Token} headers and, last, the
 * {@code api_key} query parameter. Emby: {@code X-Emby-Token}, then {@code api_key}, then the {@code Token} of an
 * {@code X-Emby-Authorization} or {@code Authorization} header with the {@code Emby} or {@code MediaBrowser} scheme.
 */
final class Auth {
    private final Dialect dialect;
    private final byte[] apiKey;
    private volatile boolean legacy;

    Auth(Dialect dialect, String apiKey, boolean legacy) {
        this.dialect = dialect;
        this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
        this.legacy = legacy;
    }

    void setLegacy(boolean legacy) {
        this.legacy = legacy;
    }

    boolean legacy() {
        return legacy;
    }

    boolean authorized(ApiRequest request) {
        return token(request)
                .map(given -> MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), apiKey))
                .orElse(false);
    }

    Optional<String> token(ApiRequest request) {
        return dialect == Dialect.JELLYFIN ? jellyfin(request) : emby(request);
    }

    private Optional<String> jellyfin(ApiRequest request) {
        boolean legacyOn = legacy;
        Optional<String> header = request.header("Authorization");
        if (header.isEmpty() && legacyOn) {
            header = request.header("X-Emby-Authorization");
        }
        Optional<String> token = header.flatMap(value -> parts(value, legacyOn)).map(parts -> parts.get("Token"));
        if (legacyOn) {
            token = present(token).or(() -> request.header("X-Emby-Token"));
            token = present(token).or(() -> request.header("X-MediaBrowser-Token"));
        }
        token = present(token).or(() -> request.parameter("ApiKey"));
        if (legacyOn) {
            token = present(token).or(() -> request.parameter("api_key"));
        }
        return present(token);
    }

    private static Optional<String> emby(ApiRequest request) {
        Optional<String> token = request.header("X-Emby-Token");
        token = present(token).or(() -> request.parameter("api_key"));
        token = present(token).or(() -> request.header("X-Emby-Authorization").or(() -> request.header("Authorization"))
                .flatMap(value -> parts(value, true)).map(parts -> parts.get("Token")));
        return present(token);
    }

    private static Optional<String> present(Optional<String> value) {
        return value.filter(v -> !v.isEmpty());
    }

    /**
     * The {@code key="value"} pairs after the scheme name, as Jellyfin's {@code GetParts} reads them (commas inside
     * quotes belong to the value, values are URL-decoded); empty when the scheme is not one the server takes.
     */
    static Optional<Map<String, String>> parts(String header, boolean embyScheme) {
        int space = header.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = header.substring(0, space);
        if (!scheme.equalsIgnoreCase("MediaBrowser") && !(embyScheme && scheme.equalsIgnoreCase("Emby"))) {
            return Optional.empty();
        }
        Map<String, String> parts = new HashMap<>();
        String rest = header.substring(space + 1);
        boolean quoted = false;
        int start = 0;
        String key = "";
        int i;
        for (i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                if (start < i) {
                    parts.put(key, value(rest.substring(start, i)));
                    key = "";
                }
                start = i + 1;
            } else if (c == '=' && !quoted) {
                key = rest.substring(start, i).trim();
                start = i + 1;
            }
        }
        if (start < i) {
            parts.put(key, value(rest.substring(start, i)));
        }
        return Optional.of(parts);
    }

    private static String value(String raw) {
        String trimmed = raw.trim();
        if (trimmed.startsWith("\"")) {
            trimmed = trimmed.substring(1);
        }
        if (trimmed.endsWith("\"")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return URLDecoder.decode(trimmed, StandardCharsets.UTF_8);
    }
}
