/** An example source kind: a CSV manifest listing media files, a file here or served over http(s). */
module org.retrovue.example.manifest {
    requires org.retrovue.spi;
    requires java.net.http; // for a served manifest: a JDK module the image holds for plugins
    provides org.retrovue.spi.SourceKind with org.retrovue.example.manifest.ManifestSourceKind;
}
