/**
 * The embedded PostgreSQL server: unpacks the bundled binaries, initialises a cluster, starts it
 * detached (logging to a file), shares it between concurrent commands and stops it.
 */
module org.retrovue.pg {
    requires org.tukaani.xz;
    requires java.sql;
    exports org.retrovue.pg;
}
