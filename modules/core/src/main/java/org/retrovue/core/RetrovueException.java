package org.retrovue.core;

import java.util.Objects;

/** A failure the operator sees as one line: the message says what was wrong and what to do. */
public class RetrovueException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorKind kind;

    public RetrovueException(ErrorKind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind);
    }

    public RetrovueException(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind);
    }

    public ErrorKind kind() {
        return kind;
    }
}
