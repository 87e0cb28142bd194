/** The {@code plex} source kind: a Plex Media Server over HTTP. Depends on the SPI, java.net.http and jackson-core. */
module org.retrovue.plugin.plex {
    requires org.retrovue.spi;
    requires java.net.http;
    requires com.fasterxml.jackson.core;
    provides org.retrovue.spi.SourceKind with org.retrovue.plugin.plex.PlexSourceKind;
}
