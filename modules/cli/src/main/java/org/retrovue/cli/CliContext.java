package org.retrovue.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.retrovue.core.AppPaths;
import org.retrovue.core.DatabaseLocator;
import org.retrovue.core.IngestService;
import org.retrovue.core.PluginRegistry;
import org.retrovue.core.SourceStatusService;
import org.retrovue.core.SourceService;
import org.retrovue.persistence.Catalog;
import org.retrovue.persistence.SchemaMigrator;
import org.retrovue.persistence.SchemaTooNewException;

/**
 * The services one process (or one shell session) uses, each made on first use and kept: the plugin registry,
 * the database and the catalogue are paid for once.
 */
public final class CliContext implements AutoCloseable {
    private final CliEnvironment environment;
    private final AppPaths paths;
    private PluginRegistry registry;
    private DatabaseLocator locator;
    private Catalog catalog;
    private volatile String schemaTooNew;
    private SourceService sources;
    private IngestService ingest;
    private org.retrovue.core.SecretBox secretBox;
    private SourceStatusService status;

    public CliContext(CliEnvironment environment) {
        this.environment = environment;
        this.paths = AppPaths.fromEnvironment(environment.env());
    }

    /** A context whose source kinds are {@code kinds}', not those found in the plugin directories (embedding, tests). */
    public CliContext(CliEnvironment environment, PluginRegistry kinds) {
        this(environment);
        this.registry = kinds.withStateRoot(paths.pluginState());
    }

    public CliEnvironment environment() {
        return environment;
    }

    public AppPaths paths() {
        return paths;
    }

    /**
     * Plugin directories: {@code plugins/} of the installation (beside {@code bin/}), the user's, then those of
     * {@code RETROVUE_PLUGIN_PATH} (separated by ':').
     */
    public List<Path> pluginDirectories() {
        List<Path> directories = new ArrayList<>();
        String home = System.getProperty("retrovue.home");
        if (home != null) {
            directories.add(Path.of(home, "plugins"));
        }
        directories.add(paths.userPlugins());
        String extra = environment.env().get("RETROVUE_PLUGIN_PATH");
        if (extra != null) {
            for (String part : extra.split(":")) {
                if (!part.isBlank()) {
                    directories.add(Path.of(part.strip()));
                }
            }
        }
        return directories;
    }

    public synchronized PluginRegistry registry() {
        if (registry == null) {
            registry = PluginRegistry.load(pluginDirectories()).withStateRoot(paths.pluginState());
        }
        return registry;
    }

    public synchronized DatabaseLocator locator() {
        if (locator == null) {
            locator = new DatabaseLocator(environment.env(), paths);
        }
        return locator;
    }

    public synchronized Catalog catalog() {
        if (catalog == null) {
            try {
                catalog = Catalog.open(locator().locate());
            } catch (SchemaTooNewException e) {
                schemaTooNew = e.getMessage();
                throw e;
            }
            sealPlainSecrets(catalog);
        }
        return catalog;
    }

    /**
     * Seals the secrets a RetroVue before ADR 0010 stored in plain text, once the catalogue is open and when a key is
     * at hand (PlainSecrets). It is housekeeping, not the operator's command: if it cannot be done now (the database
     * refuses the write, the key is unusable), the command goes on, and {@code db status} tells what is still plain.
     */
    private void sealPlainSecrets(Catalog opened) {
        try {
            org.retrovue.core.PlainSecrets.seal(opened, registry(), secretBox());
        } catch (RuntimeException e) {
            // left plain, as before; `db status` counts them and the next open tries again
        }
    }

    public synchronized SourceService sources() {
        if (sources == null) {
            sources = new SourceService(this::catalog, registry(), environment.clock(), secretBox());
        }
        return sources;
    }

    /** The key of the sources' stored secrets (SecretBox): read or made on first need. */
    private synchronized org.retrovue.core.SecretBox secretBox() {
        if (secretBox == null) {
            secretBox = org.retrovue.core.SecretBox.of(environment.env(), paths.dataDir());
        }
        return secretBox;
    }

    public synchronized SourceStatusService status() {
        if (status == null) {
            status = new SourceStatusService(this::catalog, registry(), environment.clock(), secretBox());
        }
        return status;
    }

    public synchronized IngestService ingest() {
        if (ingest == null) {
            ingest = new IngestService(this::catalog, registry(), environment.clock(), secretBox());
        }
        return ingest;
    }

    /**
     * Stops the resident process of this data directory, if there is one (before {@code db stop}: BeforeDatabaseStop);
     * returns whether one was running.
     */
    public boolean stopResident() {
        return BeforeDatabaseStop.run(environment.env());
    }

    /** Forgets the open catalogue (after {@code db stop}), so the next command reconnects. */
    public synchronized void dropCatalog() {
        if (catalog != null) {
            catalog.close();
            catalog = null;
        }
    }

    /**
     * Forgets the open catalogue when its database no longer answers (stopped or restarted by someone else while a
     * shell session held it), so the next command finds the database again, starting the embedded one if needed; or
     * when its schema version changed since it opened (migrated by a newer RetroVue, or by hand), so the next command
     * opens it again, which migrates it or refuses a schema newer than this program ({@link #schemaTooNew()}).
     * One round trip.
     */
    public synchronized void dropCatalogIfStale() {
        if (catalog == null) {
            return;
        }
        OptionalInt now = catalog.schemaVersionNow();
        if (now.isPresent() && now.getAsInt() == catalog.openedAtVersion()) {
            return;
        }
        if (now.isPresent()) {
            SchemaMigrator.tooNew(now.getAsInt(), catalog.target()).ifPresent(why -> schemaTooNew = why);
        }
        dropCatalog();
    }

    /**
     * Why this context met a schema newer than this program (opening the catalogue failed, or its version changed
     * under an open one), or empty: a long-lived process then ends rather than serve from it.
     */
    public Optional<String> schemaTooNew() {
        return Optional.ofNullable(schemaTooNew);
    }

    @Override
    public synchronized void close() {
        if (ingest != null) {
            ingest.close();
        }
        dropCatalog();
    }
}
