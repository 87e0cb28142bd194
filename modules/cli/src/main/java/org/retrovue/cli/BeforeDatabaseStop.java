package org.retrovue.cli;

import java.util.Map;
import java.util.function.Consumer;

/**
 * What {@code db stop} does first, set once by the launcher for the whole process (one-shot commands and the shell
 * alike): stop the resident process, which holds connections to the database and is not wanted without it.
 */
public final class BeforeDatabaseStop {
    private static volatile Consumer<Map<String, String>> hook; // null: nothing to do (tests, command scripts)

    private BeforeDatabaseStop() {}

    public static void set(Consumer<Map<String, String>> action) {
        hook = action;
    }

    static void run(Map<String, String> env) {
        Consumer<Map<String, String>> action = hook;
        if (action != null) {
            action.accept(env);
        }
    }
}
