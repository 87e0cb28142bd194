package org.retrovue.pg;

/**
 * Where a running embedded server listens, and the superuser's credentials. The server accepts connections from
 * loopback only, with this password (never shown by {@link #toString()}).
 */
public record Endpoint(String host, int port, String user, String password) {
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return "Endpoint[" + host + ":" + port + ", user=" + user + "]";
    }
}
