package org.retrovue.plugin.jellyfin;

/** The {@code emby} kind: an Emby server, often reached under {@code /emby}; the key travels in {@code X-Emby-Token}. */
public final class EmbySourceKind extends MediaServerKind {
    public EmbySourceKind() {
        super(Dialect.EMBY);
    }

    @Override
    public String description() {
        return "An Emby server (libraries become collections)";
    }

    @Override
    String exampleUrl() {
        return "http://192.168.1.10:8096/emby";
    }
}
