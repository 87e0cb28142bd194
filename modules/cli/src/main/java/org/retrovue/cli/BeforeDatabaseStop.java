package org.retrovue.cli;

import java.util.Map;
import java.util.function.Predicate;

/**
 * What {@code db stop} does first, set once by the launcher for the whole process (one-shot commands and the shell
 * alike): stop the resident process, which holds connections to the database and is not wanted without it.
 */
public final class BeforeDatabaseStop {
    private static volatile Predicate<Map<String, String>> hook; // null: nothing to do (tests, command scripts)

    private BeforeDatabaseStop() {}

    /** {@code action} stops the resident process of the environment's data directory and says whether one ran. */
    public static void set(Predicate<Map<String, String>> action) {
        hook = action;
    }

    static boolean run(Map<String, String> env) {
        Predicate<Map<String, String>> action = hook;
        return action != null && action.test(env);
    }
}
