/** An example source kind: a CSV manifest listing media files (path, title, duration). */
module org.retrovue.example.manifest {
    requires org.retrovue.spi;
    provides org.retrovue.spi.SourceKind with org.retrovue.example.manifest.ManifestSourceKind;
}
