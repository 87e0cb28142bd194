/**
 * What a plugin implements: a {@link org.retrovue.spi.SourceKind} or an {@link org.retrovue.spi.Enricher} (SPI 1.6),
 * provided through ServiceLoader. Depends on java.base only.
 */
module org.retrovue.spi {
    exports org.retrovue.spi;
}
