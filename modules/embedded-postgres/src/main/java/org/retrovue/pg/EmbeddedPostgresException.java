package org.retrovue.pg;

/** The embedded server could not be prepared, started or stopped; the message says why and where its log is. */
public final class EmbeddedPostgresException extends RuntimeException {
    public EmbeddedPostgresException(String message) {
        super(message);
    }

    public EmbeddedPostgresException(String message, Throwable cause) {
        super(message, cause);
    }
}
