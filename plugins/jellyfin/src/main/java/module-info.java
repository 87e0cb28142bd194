/**
 * The {@code jellyfin} and {@code emby} source kinds: Jellyfin and Emby servers over HTTP, one client with a dialect
 * switch. Depends on the SPI, java.net.http and jackson-core.
 */
module org.retrovue.plugin.jellyfin {
    requires org.retrovue.spi;
    requires java.net.http;
    requires com.fasterxml.jackson.core;
    provides org.retrovue.spi.SourceKind with org.retrovue.plugin.jellyfin.JellyfinSourceKind, org.retrovue.plugin.jellyfin.EmbySourceKind;
}
