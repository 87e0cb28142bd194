package org.retrovue.persistence;

import java.net.URI;
import java.util.Objects;

/**
 * Which PostgreSQL to use: {@code embedded} when it is the server this program runs under its data directory (what
 * to do when it fails differs). The password is never part of {@link #toString()}.
 */
public record DatabaseTarget(String jdbcUrl, String user, String password, boolean embedded) {
    public DatabaseTarget {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("database URL must start with jdbc:postgresql:");
        }
    }

    /** An external database (RETROVUE_DATABASE_URL). */
    public DatabaseTarget(String jdbcUrl, String user, String password) {
        this(jdbcUrl, user, password, false);
    }

    /** The URL as the driver gets it: {@code jsonb} and {@code uuid} parameters are sent untyped so PostgreSQL casts them. */
    public String driverUrl() {
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "stringtype=unspecified";
    }

    /** host:port of the URL, for messages. */
    public String hostAndPort() {
        try {
            URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
            String host = uri.getHost() == null ? "localhost" : uri.getHost();
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            return host + ":" + port;
        } catch (IllegalArgumentException e) {
            return jdbcUrl.replaceAll("//[^@/]*@", "//");
        }
    }

    /** The URL without any user information or query (which could hold a password). */
    public String redactedUrl() {
        return jdbcUrl.replaceAll("//[^@/]*@", "//").replaceAll("\\?.*$", "");
    }

    @Override
    public String toString() {
        return "DatabaseTarget[" + redactedUrl() + ", user=" + user + (embedded ? ", embedded" : "") + "]";
    }
}
