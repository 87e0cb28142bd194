package org.retrovue.cli;

import org.retrovue.core.ErrorKind;

/** The documented exit codes (docs/cli.md). */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int NOT_FOUND = 3;
    public static final int AMBIGUOUS = 4;
    public static final int CONFLICT = 5;
    public static final int DATABASE = 6;
    /** Ctrl-C or SIGINT: 128 + the signal's number, as a shell reports a command that a signal ended. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}

    public static int of(ErrorKind kind) {
        return switch (kind) {
            case EXTERNAL -> FAILURE;
            case USAGE -> USAGE;
            case NOT_FOUND -> NOT_FOUND;
            case AMBIGUOUS -> AMBIGUOUS;
            case CONFLICT -> CONFLICT;
            case DATABASE -> DATABASE;
        };
    }
}
