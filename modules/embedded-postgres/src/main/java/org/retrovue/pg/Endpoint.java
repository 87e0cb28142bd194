package org.retrovue.pg;

/** Where a running embedded server listens. It accepts the {@code postgres} superuser from loopback only. */
public record Endpoint(String host, int port, String user) {
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
}
