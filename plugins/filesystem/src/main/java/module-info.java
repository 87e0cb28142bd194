/** The {@code filesystem} source kind: a directory tree on a local or mounted disk. */
module org.retrovue.plugin.filesystem {
    requires org.retrovue.spi;
    provides org.retrovue.spi.SourceKind with org.retrovue.plugin.filesystem.FilesystemSourceKind;
}
