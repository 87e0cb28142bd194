/** Contract tests every source kind should pass: extend {@link org.retrovue.spi.testkit.SourceKindContract}. */
module org.retrovue.spi.testkit {
    requires transitive org.retrovue.spi;
    requires transitive org.junit.jupiter.api;
    requires org.retrovue.pluginloader;
    exports org.retrovue.spi.testkit;
}
