/*
 * Module descriptor for org.postgresql:postgresql:42.7.8, which ships none; the name is the jar's
 * Automatic-Module-Name, org.postgresql.jdbc. Open and exporting every package, as the automatic module was.
 *
 * Requires follow jdeps:
 *  - java.sql (API), java.logging, java.naming (DataSources are Referenceable), java.xml (SQLXML),
 *    java.transaction.xa (org.postgresql.xa), java.security.jgss (GSSAPI authentication),
 *    java.management (maxResultBuffer given as a percentage of the heap).
 *  - java.desktop only for java.awt.Point in two members of org.postgresql.geometric.PGpoint: static, so the
 *    driver does not pull in java.desktop by itself.
 * Left out (absent, optional): OSGi (org.postgresql.osgi), JNA/waffle (org.postgresql.sspi, Windows SSPI),
 * checkerframework annotations.
 */
open module org.postgresql.jdbc {
    requires transitive java.sql;
    requires java.logging;
    requires java.management;
    requires java.naming;
    requires java.security.jgss;
    requires java.transaction.xa;
    requires java.xml;
    requires static java.desktop;

    exports org.postgresql;
    exports org.postgresql.copy;
    exports org.postgresql.core;
    exports org.postgresql.core.v3;
    exports org.postgresql.core.v3.adaptivefetch;
    exports org.postgresql.core.v3.replication;
    exports org.postgresql.ds;
    exports org.postgresql.ds.common;
    exports org.postgresql.fastpath;
    exports org.postgresql.geometric;
    exports org.postgresql.gss;
    exports org.postgresql.hostchooser;
    exports org.postgresql.jdbc;
    exports org.postgresql.jdbc2;
    exports org.postgresql.jdbc2.optional;
    exports org.postgresql.jdbc3;
    exports org.postgresql.jdbcurlresolver;
    exports org.postgresql.largeobject;
    exports org.postgresql.osgi;
    exports org.postgresql.plugin;
    exports org.postgresql.replication;
    exports org.postgresql.replication.fluent;
    exports org.postgresql.replication.fluent.logical;
    exports org.postgresql.replication.fluent.physical;
    exports org.postgresql.shaded.com.ongres.saslprep;
    exports org.postgresql.shaded.com.ongres.scram.client;
    exports org.postgresql.shaded.com.ongres.scram.common;
    exports org.postgresql.shaded.com.ongres.scram.common.exception;
    exports org.postgresql.shaded.com.ongres.scram.common.util;
    exports org.postgresql.shaded.com.ongres.stringprep;
    exports org.postgresql.ssl;
    exports org.postgresql.ssl.jdbc4;
    exports org.postgresql.sspi;
    exports org.postgresql.translation;
    exports org.postgresql.util;
    exports org.postgresql.util.internal;
    exports org.postgresql.xa;
    exports org.postgresql.xml;

    // META-INF/services/java.sql.Driver
    provides java.sql.Driver with org.postgresql.Driver;

    // The shaded stringprep library looks its profiles up with ServiceLoader (Stringprep.getProvider); a named module
    // must declare that or the lookup throws ServiceConfigurationError. SCRAM itself instantiates SASLprep directly.
    uses org.postgresql.shaded.com.ongres.stringprep.Profile;
    provides org.postgresql.shaded.com.ongres.stringprep.Profile with org.postgresql.shaded.com.ongres.saslprep.SASLprep;
}
