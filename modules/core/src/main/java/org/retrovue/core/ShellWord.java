package org.retrovue.core;

import java.util.regex.Pattern;

/** A name as one word of a shell command line, so that a suggested command works when pasted. */
public final class ShellWord {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

    private ShellWord() {}

    /** {@code text} as is when the shell reads it as one word, else in single quotes. */
    public static String of(String text) {
        return PLAIN.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
