/*
 * Module descriptor for org.flywaydb:flyway-database-cockroachdb:13.12.0, which ships none (automatic name
 * flyway.database.cockroachdb). flyway-database-postgresql 13.x declares it as a compile dependency "to avoid a
 * breaking change", so it reaches the module path unless it is excluded; jlink refuses it as an automatic module.
 * References outside java.base: flyway.core and java.sql only (jdeps).
 */
open module flyway.database.cockroachdb {
    requires transitive flyway.core;
    requires transitive java.sql;

    exports org.flywaydb.database.cockroachdb;
    exports org.flywaydb.database.cockroachdb.authentication;

    // As listed in the jar's META-INF/services/org.flywaydb.core.extensibility.Plugin.
    provides org.flywaydb.core.extensibility.Plugin with
        org.flywaydb.database.cockroachdb.CockroachDBDatabaseType,
        org.flywaydb.database.cockroachdb.authentication.CockroachDBExternalAuthSupportStub;
}
