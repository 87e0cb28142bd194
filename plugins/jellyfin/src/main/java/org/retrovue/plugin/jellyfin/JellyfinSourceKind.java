package org.retrovue.plugin.jellyfin;

/** The {@code jellyfin} kind: a Jellyfin server; the key travels in {@code Authorization: MediaBrowser ... Token="..."}. */
public final class JellyfinSourceKind extends MediaServerKind {
    public JellyfinSourceKind() {
        super(Dialect.JELLYFIN);
    }

    @Override
    public String description() {
        return "A Jellyfin server (libraries become collections)";
    }

    @Override
    String exampleUrl() {
        return "http://192.168.1.10:8096";
    }
}
