/**
 * The Source domain: the plugin registry, {@link org.retrovue.core.SourceService} with its identification and
 * collection rules, and the database bootstrap (an external PostgreSQL or the embedded one).
 */
module org.retrovue.core {
    requires transitive org.retrovue.spi;
    requires transitive org.retrovue.persistence;
    requires transitive org.retrovue.pg;
    requires org.postgresql.jdbc;
    requires org.retrovue.pluginloader;

    exports org.retrovue.core;

    uses org.retrovue.spi.SourceKind;
    uses org.retrovue.spi.Enricher;
}
