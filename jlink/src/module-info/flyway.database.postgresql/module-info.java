/*
 * Module descriptor for org.flywaydb:flyway-database-postgresql:13.12.0, which ships none (automatic name
 * flyway.database.postgresql). Its only references outside java.base are flyway.core and java.sql (jdeps); it does not
 * reference the JDBC driver, which Flyway loads by class name.
 */
open module flyway.database.postgresql {
    requires transitive flyway.core;
    requires transitive java.sql;

    exports org.flywaydb.database.postgresql;
    exports org.flywaydb.database.postgresql.authentication;

    // As listed in the jar's META-INF/services/org.flywaydb.core.extensibility.Plugin.
    provides org.flywaydb.core.extensibility.Plugin with
        org.flywaydb.database.postgresql.PostgreSQLDatabaseType,
        org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension,
        org.flywaydb.database.postgresql.authentication.PostgreSQLExternalAuthSupportStub;
}
