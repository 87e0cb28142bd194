/**
 * The {@code ffprobe} enricher (issue 16): an in-process reader of MP4/MOV and Matroska/WebM headers
 * ({@code org.retrovue.plugin.ffprobe.fastpath}), and ffprobe run once per file for anything else; and the
 * {@code loudness} enricher: EBU R128 loudness through ffmpeg's {@code ebur128} filter. Plugins depend on the SPI
 * alone.
 */
module org.retrovue.plugin.ffprobe {
    requires org.retrovue.spi;
    provides org.retrovue.spi.Enricher with org.retrovue.plugin.ffprobe.FfprobeEnricher, org.retrovue.plugin.ffprobe.LoudnessEnricher;
}
