package org.retrovue.core;

import java.util.Map;
import java.util.Optional;
import org.retrovue.persistence.DatabaseTarget;
import org.retrovue.pg.EmbeddedPostgres;
import org.retrovue.pg.EmbeddedPostgresException;
import org.retrovue.pg.Endpoint;
import org.retrovue.pg.ServerStatus;

/**
 * Chooses the database: {@code RETROVUE_DATABASE_URL} (with {@code RETROVUE_DATABASE_USER} and
 * {@code RETROVUE_DATABASE_PASSWORD}) when set, else the embedded server under the data directory, started on
 * first use and left running for the next command.
 */
public final class DatabaseLocator {
    public static final String URL = "RETROVUE_DATABASE_URL";
    public static final String USER = "RETROVUE_DATABASE_USER";
    public static final String PASSWORD = "RETROVUE_DATABASE_PASSWORD";
    static final String EMBEDDED_DATABASE = "retrovue";

    private final Map<String, String> env;
    private final AppPaths paths;

    public DatabaseLocator(Map<String, String> env, AppPaths paths) {
        this.env = env;
        this.paths = paths;
    }

    /** The external database, when one is configured. */
    public Optional<DatabaseTarget> external() {
        String url = env.get(URL);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        DatabaseUrl parsed = DatabaseUrl.parse(URL, url);
        // the variables, when set, win over what the URL carries
        String user = nonEmpty(env.get(USER)).or(parsed::user).orElse(System.getProperty("user.name"));
        String password = nonEmpty(env.get(PASSWORD)).or(parsed::password).orElse(null);
        return Optional.of(new DatabaseTarget(parsed.jdbcUrl(), user, password));
    }

    private static Optional<String> nonEmpty(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** The database to use, starting the embedded server when that is the one. */
    public DatabaseTarget locate() {
        Optional<DatabaseTarget> external = external();
        if (external.isPresent()) {
            return external.get();
        }
        try {
            Endpoint endpoint = embedded().ensureRunning(EMBEDDED_DATABASE);
            return new DatabaseTarget(endpoint.jdbcUrl(EMBEDDED_DATABASE), endpoint.user(), endpoint.password(), true);
        } catch (EmbeddedPostgresException e) {
            throw new RetrovueException(ErrorKind.DATABASE, "the embedded database could not start: " + e.getMessage(), e);
        }
    }

    public EmbeddedPostgres embedded() {
        return EmbeddedPostgres.at(paths.embeddedDatabase());
    }

    public ServerStatus embeddedStatus() {
        return embedded().status();
    }
}
