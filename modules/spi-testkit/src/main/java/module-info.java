/**
 * Contract tests every source kind and every enricher should pass: extend {@link org.retrovue.spi.testkit.SourceKindContract}
 * or {@link org.retrovue.spi.testkit.EnricherContract}.
 */
module org.retrovue.spi.testkit {
    requires transitive org.retrovue.spi;
    requires transitive org.junit.jupiter.api;
    requires org.retrovue.pluginloader;
    exports org.retrovue.spi.testkit;
}
