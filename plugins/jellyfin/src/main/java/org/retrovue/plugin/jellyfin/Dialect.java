package org.retrovue.plugin.jellyfin;

import java.net.http.HttpRequest;

/**
 * Where Jellyfin and Emby differ for this client: how the key travels, how libraries are listed, and how a server
 * tells which of the two it is. Jellyfin takes the key in {@code Authorization: MediaBrowser ..., Token="..."}
 * (its legacy {@code X-Emby-Token} header is off by default from Jellyfin 12); Emby in {@code X-Emby-Token}.
 * Jellyfin's {@code /System/Info/Public} says {@code ProductName: "Jellyfin Server"}; Emby's has no ProductName.
 */
enum Dialect {
    JELLYFIN("jellyfin", "Jellyfin"),
    EMBY("emby", "Emby");

    final String kindId;
    final String product;

    Dialect(String kindId, String product) {
        this.kindId = kindId;
        this.product = product;
    }

    /** Adds the key and the client's identity to a request; the header values never reach a message. */
    void authorize(HttpRequest.Builder request, String apiKey, String deviceName, String deviceId, String version) {
        String identity = "MediaBrowser Client=\"RetroVue\", Device=\"" + quoted(deviceName) + "\", DeviceId=\"" + deviceId
                + "\", Version=\"" + version + "\"";
        if (this == JELLYFIN) {
            request.header("Authorization", identity + ", Token=\"" + quoted(apiKey) + "\"");
        } else {
            request.header("X-Emby-Token", apiKey);
            request.header("X-Emby-Authorization", identity);
        }
    }

    /** Which dialect a {@code /System/Info/Public} answer's {@code ProductName} belongs to. */
    static Dialect of(Object productName) {
        return productName instanceof String name && name.toLowerCase(java.util.Locale.ROOT).contains("jellyfin") ? JELLYFIN : EMBY;
    }

    private static String quoted(String value) {
        return value.replace("\\", "").replace("\"", "");
    }
}
