package org.retrovue.core;

/** What went wrong, in the terms the operator acts on; the CLI maps each to its documented exit code. */
public enum ErrorKind {
    /** A remote system failed, or something unexpected happened. */
    EXTERNAL,
    /** The command was given wrong input. */
    USAGE,
    /** What was named does not exist. */
    NOT_FOUND,
    /** What was named matches more than one thing. */
    AMBIGUOUS,
    /** The change clashes with what exists, or was refused without confirmation. */
    CONFLICT,
    /** The database cannot be reached or used. */
    DATABASE
}
