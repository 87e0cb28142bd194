/**
 * The {@code ffprobe} enricher (issue 16): an in-process reader of MP4/MOV and Matroska/WebM headers
 * ({@code org.retrovue.plugin.ffprobe.fastpath}), and ffprobe run once per file for anything else. Plugins depend
 * on the SPI alone.
 */
module org.retrovue.plugin.ffprobe {
    requires org.retrovue.spi;
    provides org.retrovue.spi.Enricher with org.retrovue.plugin.ffprobe.FfprobeEnricher;
}
