package org.retrovue.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceConfiguration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.retrovue.persistence.entity.JsonbConverter;
import org.retrovue.persistence.entity.PathMapping;
import org.retrovue.persistence.entity.PlainPassword;
import org.retrovue.persistence.entity.Source;
import org.retrovue.persistence.entity.SourceCollection;
import org.retrovue.persistence.internal.JdbcCatalogReader;
import org.retrovue.persistence.internal.JpaCatalogSession;

/**
 * The catalogue: opened once per process (or per shell), its schema checked on open, every operator action run
 * as one transaction through {@link #inTransaction}.
 */
public final class Catalog implements AutoCloseable {
    private static final Pattern CONSTRAINT = Pattern.compile("constraint \"([^\"]+)\"");

    private final DatabaseTarget target;
    /** The schema version in force when this catalogue opened (it migrated to it or found it). */
    private final int openedAt;
    private Connection readConnection;
    /** Whether the read connection was used already: only then is it checked (a round trip) before the next read. */
    private boolean readConnectionUsed;
    private EntityManagerFactory emf;

    private Catalog(DatabaseTarget target, Connection readConnection, int openedAt) {
        this.target = target;
        this.readConnection = readConnection;
        this.openedAt = openedAt;
    }

    /**
     * Connects, brings the schema up to date (or refuses one that is too new). The persistence unit starts only
     * when the first write needs it; reads use this connection.
     *
     * @throws DatabaseUnavailableException when the database cannot be reached
     * @throws SchemaTooNewException when a newer RetroVue migrated it
     */
    public static Catalog open(DatabaseTarget target) {
        Connection connection = connect(target);
        try {
            connection.setAutoCommit(false);
            int version = SchemaMigrator.ensureCurrent(connection, target);
            connection.commit();
            connection.setReadOnly(true);
            return new Catalog(target, connection, version);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already failing
            }
            throw translate(e, target);
        }
    }

    /** A plain JDBC connection to the target, with failures translated. */
    public static Connection connect(DatabaseTarget target) {
        try {
            return DriverManager.getConnection(target.driverUrl(), target.user(), target.password());
        } catch (SQLException e) {
            throw translate(e, target);
        }
    }

    public DatabaseTarget target() {
        return target;
    }

    public int schemaVersion() {
        try (Connection c = connect(target)) {
            return SchemaMigrator.currentVersion(c);
        } catch (SQLException e) {
            throw translate(e, target);
        }
    }

    /**
     * Runs read-only {@code work} in one read-only transaction on plain JDBC. A connection lost since the last read
     * (the server was restarted under a long-lived shell) is replaced once.
     */
    public synchronized <T> T read(Function<CatalogReader, T> work) {
        try {
            if (readConnection == null || (readConnectionUsed && !readConnection.isValid(2))) {
                closeQuietly(readConnection);
                readConnection = connect(target);
                readConnection.setAutoCommit(false);
                readConnection.setReadOnly(true);
            }
            readConnectionUsed = true;
            try {
                T result = work.apply(new JdbcCatalogReader(readConnection));
                readConnection.commit();
                return result;
            } catch (RuntimeException e) {
                readConnection.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            throw translate(e, target);
        }
    }

    /**
     * Runs read-only {@code work} over {@code connection}, which the caller holds and closes (db status reads a
     * catalogue it does not open). The schema must be current.
     */
    public static <T> T read(Connection connection, Function<CatalogReader, T> work) {
        return work.apply(new JdbcCatalogReader(connection));
    }

    /**
     * Stores each rewrite's config and options, in one transaction over plain JDBC (the persistence unit is not
     * started, and {@code updated_at} stays: the operator changed nothing). A source whose stored config or options
     * are no longer the ones the rewrite replaces is left as it is. Returns how many were rewritten.
     */
    public int rewriteSecrets(List<SecretRewrite> rewrites) {
        if (rewrites.isEmpty()) {
            return 0;
        }
        try (Connection connection = connect(target);
             PreparedStatement update = connection.prepareStatement("""
                     update sources set config = ?::jsonb, options = ?::jsonb
                      where id = ? and config is not distinct from ?::jsonb and options is not distinct from ?::jsonb""")) {
            connection.setAutoCommit(false);
            int rewritten = 0;
            for (SecretRewrite r : rewrites) {
                update.setString(1, r.config() == null ? null : JsonText.write(r.config()));
                update.setString(2, r.options() == null ? null : JsonText.write(r.options()));
                update.setObject(3, r.sourceId());
                update.setString(4, r.storedConfig() == null ? null : JsonText.write(r.storedConfig()));
                update.setString(5, r.storedOptions() == null ? null : JsonText.write(r.storedOptions()));
                rewritten += update.executeUpdate();
            }
            connection.commit();
            return rewritten;
        } catch (SQLException e) {
            throw translate(e, target);
        }
    }

    /** The asset counts and last ingest of each of {@code collectionIds}, in one query on the read connection. */
    public Map<UUID, IngestSummary> ingestSummaries(Collection<UUID> collectionIds) {
        if (collectionIds.isEmpty()) {
            return Map.of();
        }
        return read(reader -> ((JdbcCatalogReader) reader).ingestSummaries(collectionIds));
    }

    /** The last ingest of a collection, without counting its assets (an ingest asks before it starts). */
    public Optional<IngestRecord> lastIngest(UUID collectionId) {
        return read(reader -> ((JdbcCatalogReader) reader).lastIngest(collectionId));
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Function<CatalogSession, T> work) {
        EntityManager em;
        try {
            em = entityManagerFactory().createEntityManager();
        } catch (RuntimeException e) {
            throw translate(e, target);
        }
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(new JpaCatalogSession(em));
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            throw translate(e, target);
        } finally {
            try {
                if (tx.isActive()) {
                    tx.rollback();
                }
            } catch (RuntimeException ignored) {
                // the connection is gone; the server rolls the transaction back itself
            }
            em.close();
        }
    }

    /** Whether the database still answers on this catalogue's connection (one round trip). */
    public synchronized boolean connected() {
        try {
            boolean valid = readConnection != null && readConnection.isValid(2);
            if (valid) {
                readConnectionUsed = false; // just checked: the next read need not check it again
            }
            return valid;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Whether this catalogue may still be used: the database answers on its connection and the schema there is still
     * the version it opened with (a newer RetroVue, or someone by hand, may have migrated it since). One round trip
     * of at most 2 s, like {@link #connected()}, which it replaces for long-lived processes (the shell, the resident
     * process). Returns the version found, or empty when the database does not answer.
     */
    public synchronized java.util.OptionalInt schemaVersionNow() {
        if (readConnection == null) {
            return java.util.OptionalInt.empty();
        }
        try {
            int timeout = readConnection.getNetworkTimeout();
            readConnection.setNetworkTimeout(null, 2_000);
            try {
                readConnection.setAutoCommit(true); // idle between reads: no round trip, and none for a commit after
                int version = SchemaMigrator.currentVersion(readConnection);
                readConnectionUsed = false; // just checked: the next read need not check it again
                return java.util.OptionalInt.of(version);
            } finally {
                readConnection.setAutoCommit(false);
                readConnection.setNetworkTimeout(null, timeout);
            }
        } catch (SQLException | RuntimeException e) {
            return java.util.OptionalInt.empty();
        }
    }

    /** The schema version in force when this catalogue opened. */
    public int openedAtVersion() {
        return openedAt;
    }

    @Override
    public synchronized void close() {
        closeQuietly(readConnection);
        readConnection = null;
        if (emf != null) {
            emf.close();
            emf = null;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing to do about a connection that cannot even close
            }
        }
    }

    private synchronized EntityManagerFactory entityManagerFactory() {
        if (emf == null) {
            emf = createFactory(target);
        }
        return emf;
    }

    static EntityManagerFactory createFactory(DatabaseTarget target) {
        PersistenceConfiguration configuration = new PersistenceConfiguration("retrovue")
                .provider(PersistenceProvider.class.getName())
                .managedClass(Source.class)
                .managedClass(SourceCollection.class)
                .managedClass(PathMapping.class)
                .managedClass(JsonbConverter.class)
                .property(PersistenceConfiguration.JDBC_URL, target.driverUrl())
                .property(PersistenceConfiguration.JDBC_USER, target.user())
                .property(PersistenceConfiguration.JDBC_PASSWORD, target.password() == null ? "" : target.password())
                .property("eclipselink.login.encryptor", PlainPassword.class.getName())
                .property("eclipselink.target-database", "PostgreSQL")
                .property("eclipselink.ddl-generation", "none")
                .property("eclipselink.weaving", "false")
                .property("eclipselink.logging.level", System.getProperty("retrovue.sql.log", "OFF"))
                .property("eclipselink.cache.shared.default", "false")
                .property("eclipselink.connection-pool.default.initial", "1")
                .property("eclipselink.connection-pool.default.min", "1")
                .property("eclipselink.jdbc.exclusive-connection.mode", "Transactional");
        try {
            return new PersistenceProvider().createEntityManagerFactory(configuration);
        } catch (RuntimeException e) {
            throw translate(e, target);
        }
    }

    /** Maps driver and provider failures to our exceptions, naming the constraint or the unreachable host. */
    static RuntimeException translate(Throwable failure, DatabaseTarget target) {
        if (failure instanceof CatalogException known) {
            return known;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CatalogException known) {
                return known;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("23505")) {
                    Matcher m = CONSTRAINT.matcher(String.valueOf(sql.getMessage()));
                    return new CatalogConflictException(m.find() ? m.group(1) : "unique", failure);
                }
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03") || state.startsWith("28") || state.equals("3D000")) {
                    return new DatabaseUnavailableException(unavailableMessage(sql, target), failure);
                }
            }
        }
        return failure instanceof RuntimeException r ? r : new CatalogException(String.valueOf(failure.getMessage()), failure);
    }

    static String unavailableMessage(SQLException e, DatabaseTarget target) {
        String state = e.getSQLState();
        if (target.embedded()) {
            // nothing of RETROVUE_DATABASE_URL applies: the server is ours, under the data directory
            String what = state.startsWith("28") ? "refused our login"
                    : state.equals("3D000") ? "has no database " + target.redactedUrl().replaceAll(".*/", "")
                    : state.equals("57P01") || state.equals("57P02") ? "was shut down, or ended our connection"
                    : "stopped answering";
            return "the embedded PostgreSQL (" + target.hostAndPort() + ") " + what + "; see `retrovue db status` (the next command starts it again)";
        }
        String where = "PostgreSQL at " + target.hostAndPort();
        if (state.startsWith("28")) {
            return where + " refused the login of user " + target.user() + "; check RETROVUE_DATABASE_USER and RETROVUE_DATABASE_PASSWORD";
        }
        if (state.equals("08004") && String.valueOf(e.getMessage()).contains("no password was provided")) {
            return where + " asks for the password of user " + target.user() + " and none was given; set RETROVUE_DATABASE_PASSWORD";
        }
        if (state.equals("3D000")) {
            return where + " has no database " + target.redactedUrl().replaceAll(".*/", "") + "; create it or fix RETROVUE_DATABASE_URL";
        }
        if (state.equals("57P01") || state.equals("57P02")) {
            return where + " was shut down, or ended our connection; check that it is running and that RETROVUE_DATABASE_URL points at it";
        }
        return "cannot reach " + where + "; start it, or fix RETROVUE_DATABASE_URL (unset it to use the embedded database)";
    }
}
