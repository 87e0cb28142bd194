/*
 * Module descriptor for org.flywaydb:flyway-core:13.12.0, which ships none (its automatic name, derived from the
 * file name, is flyway.core; there is no Automatic-Module-Name). Added with moditect add-module-info so that jlink
 * accepts it.
 *
 * Open, because Flyway reads org/flywaydb/core/internal/version.txt through its class loader and instantiates
 * classes reflectively. Every package is exported, as it was when the jar was an automatic module.
 *
 * Requires: only what jdeps reports (java.sql, java.logging). The optional dependencies (slf4j, commons-logging,
 * log4j-api, jboss-vfs, OSGi, tools.jackson, commons-text) are left out on purpose: they are absent at run time and
 * Flyway probes for them by class name. Should one of them ever be put on the module path, add `requires static <it>;`
 * here, or Flyway's use of it fails with IllegalAccessError. com.fasterxml.jackson.annotation is on the module path
 * (through jackson-databind) but Flyway only annotates classes with it for tools.jackson, which is absent; no read
 * edge is needed. Lombok and the JetBrains annotations leave no reference in the class files.
 */
open module flyway.core {
    requires transitive java.sql;
    requires transitive java.logging;

    exports org.flywaydb.core;
    exports org.flywaydb.core.api;
    exports org.flywaydb.core.api.callback;
    exports org.flywaydb.core.api.configuration;
    exports org.flywaydb.core.api.exception;
    exports org.flywaydb.core.api.executor;
    exports org.flywaydb.core.api.locations;
    exports org.flywaydb.core.api.logging;
    exports org.flywaydb.core.api.migration;
    exports org.flywaydb.core.api.migration.baseline;
    exports org.flywaydb.core.api.output;
    exports org.flywaydb.core.api.output.errors;
    exports org.flywaydb.core.api.pattern;
    exports org.flywaydb.core.api.resolver;
    exports org.flywaydb.core.api.resource;
    exports org.flywaydb.core.extensibility;
    exports org.flywaydb.core.internal;
    exports org.flywaydb.core.internal.authentication;
    exports org.flywaydb.core.internal.callback;
    exports org.flywaydb.core.internal.clazz;
    exports org.flywaydb.core.internal.command;
    exports org.flywaydb.core.internal.command.clean;
    exports org.flywaydb.core.internal.configuration;
    exports org.flywaydb.core.internal.configuration.extensions;
    exports org.flywaydb.core.internal.configuration.models;
    exports org.flywaydb.core.internal.configuration.resolvers;
    exports org.flywaydb.core.internal.database;
    exports org.flywaydb.core.internal.database.base;
    exports org.flywaydb.core.internal.database.h2;
    exports org.flywaydb.core.internal.database.sqlite;
    exports org.flywaydb.core.internal.exception;
    exports org.flywaydb.core.internal.exception.sqlExceptions;
    exports org.flywaydb.core.internal.info;
    exports org.flywaydb.core.internal.jdbc;
    exports org.flywaydb.core.internal.license;
    exports org.flywaydb.core.internal.logging;
    exports org.flywaydb.core.internal.logging.apachecommons;
    exports org.flywaydb.core.internal.logging.buffered;
    exports org.flywaydb.core.internal.logging.javautil;
    exports org.flywaydb.core.internal.logging.log4j2;
    exports org.flywaydb.core.internal.logging.multi;
    exports org.flywaydb.core.internal.logging.slf4j;
    exports org.flywaydb.core.internal.nc;
    exports org.flywaydb.core.internal.nc.schemahistory;
    exports org.flywaydb.core.internal.parser;
    exports org.flywaydb.core.internal.plugin;
    exports org.flywaydb.core.internal.proprietaryStubs;
    exports org.flywaydb.core.internal.reports;
    exports org.flywaydb.core.internal.resolver;
    exports org.flywaydb.core.internal.resolver.java;
    exports org.flywaydb.core.internal.resolver.script;
    exports org.flywaydb.core.internal.resolver.sql;
    exports org.flywaydb.core.internal.resource;
    exports org.flywaydb.core.internal.resource.classpath;
    exports org.flywaydb.core.internal.resource.filesystem;
    exports org.flywaydb.core.internal.scanner;
    exports org.flywaydb.core.internal.scanner.classpath;
    exports org.flywaydb.core.internal.scanner.classpath.jboss;
    exports org.flywaydb.core.internal.scanner.cloud;
    exports org.flywaydb.core.internal.scanner.filesystem;
    exports org.flywaydb.core.internal.schemahistory;
    exports org.flywaydb.core.internal.sqlscript;
    exports org.flywaydb.core.internal.strategy;
    exports org.flywaydb.core.internal.util;

    uses org.flywaydb.core.extensibility.Plugin;

    // Everything listed in the jar's META-INF/services/org.flywaydb.core.extensibility.Plugin, in its order.
    provides org.flywaydb.core.extensibility.Plugin with
        org.flywaydb.core.internal.database.h2.H2DatabaseType,
        org.flywaydb.core.internal.database.sqlite.SQLiteDatabaseType,
        org.flywaydb.core.internal.database.base.TestContainersDatabaseType,
        org.flywaydb.core.internal.schemahistory.BaseAppliedMigration,
        org.flywaydb.core.internal.resource.CoreResourceTypeProvider,
        org.flywaydb.core.internal.configuration.resolvers.EnvironmentVariableResolver,
        org.flywaydb.core.internal.configuration.resolvers.EnvironmentProvisionerNone,
        org.flywaydb.core.internal.configuration.resolvers.PlaceholderPropertyResolver,
        org.flywaydb.core.internal.proprietaryStubs.CheckCommandExtensionStub,
        org.flywaydb.core.internal.proprietaryStubs.UndoCommandExtensionStub,
        org.flywaydb.core.api.migration.baseline.BaselineAppliedMigration,
        org.flywaydb.core.api.migration.baseline.BaselineMigrationConfigurationExtension,
        org.flywaydb.core.api.migration.baseline.BaselineMigrationResolver,
        org.flywaydb.core.api.migration.baseline.BaselineResourceTypeProvider,
        org.flywaydb.core.internal.proprietaryStubs.LicensingConfigurationExtensionStub,
        org.flywaydb.core.internal.proprietaryStubs.AuthCommandExtensionStub,
        org.flywaydb.core.internal.proprietaryStubs.DeployCommandExtensionStub,
        org.flywaydb.core.internal.proprietaryStubs.InitCommandExtensionStub,
        org.flywaydb.core.internal.proprietaryStubs.DiffCommandExtensionStub,
        org.flywaydb.core.internal.proprietaryStubs.ModelCommandExtensionStub,
        org.flywaydb.core.internal.proprietaryStubs.DiffTextCommandExtensionStub,
        org.flywaydb.core.internal.proprietaryStubs.GenerateCommandExtensionStub,
        org.flywaydb.core.internal.proprietaryStubs.PrepareCommandExtensionStub,
        org.flywaydb.core.internal.proprietaryStubs.PATTokenConfigurationExtensionStub,
        org.flywaydb.core.internal.proprietaryStubs.OfflinePermitConfigurationExtensionStub,
        org.flywaydb.core.internal.proprietaryStubs.CherryPickConfigurationExtensionStub,
        org.flywaydb.core.internal.proprietaryStubs.CherryPickSupportStub,
        org.flywaydb.core.internal.proprietaryStubs.DryRunSupportStub,
        org.flywaydb.core.internal.proprietaryStubs.AwsSecretsManagerSupportStub,
        org.flywaydb.core.internal.proprietaryStubs.DryRunConfigurationExtensionStub,
        org.flywaydb.core.internal.proprietaryStubs.LicenseSupportStub,
        org.flywaydb.core.internal.scanner.classpath.ClasspathLocationHandlerImpl,
        org.flywaydb.core.internal.scanner.filesystem.FilesystemLocationHandler,
        org.flywaydb.core.internal.NullFlywayTelemetryManager,
        org.flywaydb.core.internal.proprietaryStubs.ShouldExecuteEvaluatorStub,
        org.flywaydb.core.internal.proprietaryStubs.ErrorOverrideInitializerStub,
        org.flywaydb.core.internal.proprietaryStubs.ErrorOverridesSupportStub;
}
