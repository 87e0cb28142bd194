package org.retrovue.launcher.resident;

import java.util.List;

/**
 * The commands the resident process serves: reads (the completion script's names among them), ingest and
 * {@code --version}. They take no file paths (a
 * relative path would be resolved against the resident process's folder) and ask nothing on stdin. The same list
 * is in {@code bin/retrovue} (jlink/src/launcher/retrovue.sh), which routes them.
 */
public final class ResidentCommands {
    private static final List<String> SERVED = List.of("source list", "source show", "source collections", "source status", "source list-types",
            "source assets", "source ingest", "db status", "completion --names", "--version");

    /** Served when a resident process runs, but never the reason to start one: they promise to start nothing. */
    private static final List<String> SERVED_ONLY = List.of("db status", "completion --names", "--version");

    private ResidentCommands() {}

    /** Whether running {@code args} in a JVM of its own should leave a resident process for the next command. */
    public static boolean startsResident(String... args) {
        return served(args) && !matches(SERVED_ONLY, args);
    }

    /** Never with --debug: the resident process shows no log lines, which --debug asks for. */
    public static boolean served(String... args) {
        return matches(SERVED, args) && !java.util.Arrays.asList(args).contains("--debug");
    }

    private static boolean matches(List<String> commands, String... args) {
        if (args.length == 0) {
            return false;
        }
        String first = args.length > 1 ? args[0] + " " + args[1] : args[0];
        for (String command : commands) {
            if (command.indexOf(' ') < 0 ? args[0].equals(command) : first.equals(command)) {
                return true;
            }
        }
        return false;
    }
}
