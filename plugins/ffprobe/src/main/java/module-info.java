/**
 * The {@code ffprobe} enricher (issue 16). For now it holds the fast path only: an in-process reader of MP4/MOV
 * and Matroska/WebM headers ({@code org.retrovue.plugin.ffprobe.fastpath}). It will provide the enricher service
 * once the SPI has one; plugins depend on the SPI alone, and this one needs nothing but java.base so far.
 */
module org.retrovue.plugin.ffprobe {
}
