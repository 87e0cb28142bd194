package org.retrovue.fakejellyfin;

/**
 * Which server the fake plays. They share most of the API (Emby is Jellyfin's ancestor) and differ where a client
 * must tell them apart: how a key is sent, how ids look, what {@code /System/Info/Public} says, which library
 * listings exist and where the API lives.
 */
public enum Dialect {
    /**
     * Jellyfin 10.11 to 12: ids are 32 hex digits, {@code ProductName} is "Jellyfin Server", item pages carry
     * {@code StartIndex}, there is no {@code /Library/VirtualFolders/Query}; the key goes in
     * {@code Authorization: MediaBrowser Token="..."} (or the {@code ApiKey} query parameter), the legacy ways only
     * while legacy authorization is on.
     */
    JELLYFIN("Jellyfin Server", "10.11.5", "/jellyfin"),
    /**
     * Emby Server 4.x: ids are decimal numbers, {@code /System/Info/Public} has no {@code ProductName}, item pages
     * have no {@code StartIndex}; the key goes in {@code X-Emby-Token} or {@code api_key}; the API answers under
     * {@code /emby} and at the root alike.
     */
    EMBY(null, "4.8.10.0", "/emby");

    private final String productName;
    private final String version;
    private final String usualBasePath;

    Dialect(String productName, String version, String usualBasePath) {
        this.productName = productName;
        this.version = version;
        this.usualBasePath = usualBasePath;
    }

    /** What {@code /System/Info/Public} says in {@code ProductName}, or null when the server sends none. */
    String productName() {
        return productName;
    }

    String defaultVersion() {
        return version;
    }

    /** The base path a reverse proxy (Jellyfin) or the server itself (Emby) usually puts in front of the API. */
    public String usualBasePath() {
        return usualBasePath;
    }

    /** {@code jellyfin} or {@code emby}. */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Dialect of(String name) {
        for (Dialect dialect : values()) {
            if (dialect.cliName().equalsIgnoreCase(name)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("no such dialect (jellyfin or emby): " + name);
    }
}
