/**
 * What a source-kind plugin implements: a {@link org.retrovue.spi.SourceKind} provided through ServiceLoader.
 * Depends on java.base only.
 */
module org.retrovue.spi {
    exports org.retrovue.spi;
}
