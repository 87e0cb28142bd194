package org.retrovue.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Keeps the schema current with Flyway. The scripts are handed to Flyway through its resource-provider API, read
 * from this module, because Flyway's class-path scanner finds nothing inside a jlink image. A one-shot command
 * pays only for one query when the schema is current: Flyway itself is loaded only to migrate.
 */
public final class SchemaMigrator {
    /** Every migration, in order. A test checks this against the scripts in the module. */
    static final List<String> MIGRATIONS = List.of("V1__sources_collections_path_mappings.sql", "V2__assets.sql",
            "V3__assets_cascade_by_trigger.sql", "V4__long_paths_and_unique_identity.sql",
            "V5__source_options_and_settings.sql", "V6__asset_versions_and_details.sql",
            "V7__collection_locations_and_missing.sql", "V8__asset_extras.sql",
            "V9__asset_media_facts.sql");
    static final String LOCATION = "org/retrovue/persistence/migration";
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    private SchemaMigrator() {}

    public static int latestVersion() {
        return MIGRATIONS.stream().mapToInt(SchemaMigrator::versionOf).max().orElse(0);
    }

    /** The schema version the database is at: 0 when it has none. */
    public static int currentVersion(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("select version from flyway_schema_history where success and version is not null")) {
            int max = 0;
            while (rs.next()) {
                max = Math.max(max, Integer.parseInt(rs.getString(1).split("\\.")[0]));
            }
            return max;
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) { // no history table yet
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                return 0;
            }
            throw e;
        }
    }

    /**
     * Why a database at schema version {@code current} must not be used by this program (a newer RetroVue migrated
     * it), or empty: the message every command that opens the catalogue fails with, and {@code db status} shows.
     */
    public static java.util.Optional<String> tooNew(int current, DatabaseTarget target) {
        int latest = latestVersion();
        if (current <= latest) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("the database at " + target.hostAndPort() + " has schema version " + current
                + " but this RetroVue knows only up to " + latest + "; upgrade RetroVue or point RETROVUE_DATABASE_URL at another database");
    }

    /** Migrates when the schema is behind; refuses a schema newer than this program. Returns the version now in force. */
    static int ensureCurrent(Connection connection, DatabaseTarget target) throws SQLException {
        int current = currentVersion(connection);
        int latest = latestVersion();
        java.util.Optional<String> tooNew = tooNew(current, target);
        if (tooNew.isPresent()) {
            throw new SchemaTooNewException(tooNew.get());
        }
        if (current < latest) {
            migrate(target);
        }
        return latest;
    }

    static void migrate(DatabaseTarget target) {
        FLYWAY_LOG.setLevel(Level.WARNING);
        Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(target.driverUrl(), target.user(), target.password())
                .resourceProvider(new ModuleResources())
                .javaMigrationClassProvider(List::of)
                .locations("classpath:" + LOCATION)
                .failOnMissingLocations(false)
                .load()
                .migrate();
    }

    private static int versionOf(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }

    /** The migration scripts of this module, read with {@code Class.getResourceAsStream} (works in a jlink image). */
    private static final class ModuleResources implements ResourceProvider {
        @Override
        public LoadableResource getResource(String name) {
            String file = name.substring(name.lastIndexOf('/') + 1);
            return MIGRATIONS.contains(file) ? new Script(file) : null;
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            List<LoadableResource> found = new ArrayList<>();
            for (String file : MIGRATIONS) {
                if (file.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(file::endsWith)) {
                    found.add(new Script(file));
                }
            }
            return found;
        }
    }

    private static final class Script extends LoadableResource {
        private final String file;

        Script(String file) {
            this.file = file;
        }

        @Override
        public Reader read() {
            try (InputStream in = SchemaMigrator.class.getResourceAsStream("/" + LOCATION + "/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("migration " + file + " is missing from this build");
                }
                return new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String getAbsolutePath() {
            return LOCATION + "/" + file;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return getAbsolutePath();
        }

        @Override
        public String getFilename() {
            return file;
        }

        @Override
        public String getRelativePath() {
            return file;
        }
    }
}
