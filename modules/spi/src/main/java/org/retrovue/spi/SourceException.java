package org.retrovue.spi;

import java.util.Objects;

/**
 * The one failure type of the SPI. The message is shown to the operator as it is, on one line: say what was wrong
 * and what to do, and never include a secret.
 */
public class SourceException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What kind of failure; the program maps each to an exit code. */
    public enum Code {
        /** The options or stored configuration are wrong (a path that does not exist, a malformed URL). */
        INVALID_CONFIG,
        /** The remote could not be reached (refused, timed out, name not resolved, TLS failure). */
        UNREACHABLE,
        /** The remote rejected our credentials. */
        UNAUTHORIZED,
        /** Something asked for is not there. */
        NOT_FOUND,
        /** The remote answered in a way we do not understand. */
        PROTOCOL,
        /** Anything else. */
        INTERNAL
    }

    private final Code code;

    public SourceException(Code code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public SourceException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public Code code() {
        return code;
    }
}
