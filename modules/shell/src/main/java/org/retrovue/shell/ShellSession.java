package org.retrovue.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.retrovue.cli.CatalogNames;
import org.retrovue.cli.Cli;
import org.retrovue.cli.CliContext;
import org.retrovue.cli.ExitCodes;

/**
 * Runs the lines an operator or a script types, one command each, through the one command tree of the session;
 * a failing command prints its one error line and the session goes on. Besides the commands of the tree it knows
 * {@code exit} and {@code quit}, and {@code timing [on|off]}, which prints how long each command took on stderr.
 */
final class ShellSession {
    /** Where lines come from: the next line, {@code ""} for one the operator abandoned, or null at the end. */
    interface Lines {
        String next() throws IOException;
    }

    /** The shell's own words, with what they do (offered by completion and listed by {@code help}). */
    static final List<List<String>> BUILT_INS = List.of(
            List.of("exit", "Leave the shell (also quit, or Ctrl-D)."),
            List.of("quit", "Leave the shell."),
            List.of("timing", "timing [on|off]: print how long each command takes."));

    private final CliContext context;
    private final Cli cli;
    private final CatalogNames names;
    private final PrintWriter out;
    private final PrintWriter err;
    private boolean timing;
    private boolean leave;

    ShellSession(CliContext context, Cli cli, CatalogNames names, PrintWriter out, PrintWriter err) {
        this.context = context;
        this.cli = cli;
        this.names = names;
        this.out = out;
        this.err = err;
    }

    /** Runs every line until the end of input or {@code exit}; returns the exit code of the first command that failed, else 0. */
    int run(Lines lines) {
        int firstFailure = ExitCodes.OK;
        while (!leave) {
            String line;
            try {
                line = lines.next();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (line == null) {
                break;
            }
            int code = runLine(line);
            if (code != ExitCodes.OK && firstFailure == ExitCodes.OK) {
                firstFailure = code;
            }
        }
        return firstFailure;
    }

    /** Runs one line; returns its exit code. */
    int runLine(String line) {
        if (line.isBlank() || line.stripLeading().startsWith("#")) {
            return ExitCodes.OK;
        }
        ShellWords.Split split = ShellWords.split(line);
        if (!split.complete()) {
            return error(split.danglingEscape() ? "the line ends in a lone \\; escape it as \\\\"
                    : "unclosed " + split.openQuote() + " quote; close it, or escape it with \\", ExitCodes.USAGE);
        }
        List<String> words = split.texts();
        if (words.size() > 1 && words.getFirst().equals("retrovue")) {
            words = words.subList(1, words.size()); // typed out of habit: `retrovue source list` works too
        }
        switch (words.getFirst()) {
            case "exit", "quit" -> {
                leave = true;
                return ExitCodes.OK;
            }
            case "timing" -> {
                return timing(words);
            }
            case "shell" -> {
                return error("this is the shell already; type a command, or exit to leave", ExitCodes.USAGE);
            }
            default -> {
                return execute(words);
            }
        }
    }

    private int execute(List<String> words) {
        long start = System.nanoTime();
        context.dropCatalogIfStale();
        int code;
        try {
            code = cli.execute(words.toArray(String[]::new));
        } finally {
            out.flush();
            names.forget();
            Thread.interrupted(); // a Ctrl-C that came as the command ended is spent
        }
        if (words.equals(List.of("help"))) {
            out.println();
            out.println("In the shell:");
            for (List<String> builtIn : BUILT_INS) {
                out.println(String.format(Locale.ROOT, "  %-8s %s", builtIn.get(0), builtIn.get(1)));
            }
            out.println("  Tab completes commands, options, types and names; Up/Down and Ctrl-R search the history;");
            out.println("  Ctrl-C abandons the line or interrupts the running command.");
            out.flush();
        }
        if (timing) {
            err.println(String.format(Locale.ROOT, "time: %.3f ms", (System.nanoTime() - start) / 1e6));
            err.flush();
        }
        return code;
    }

    private int timing(List<String> words) {
        if (words.size() > 2 || (words.size() == 2 && !words.get(1).equals("on") && !words.get(1).equals("off"))) {
            return error("timing takes on, off or nothing (to switch)", ExitCodes.USAGE);
        }
        timing = words.size() == 1 ? !timing : words.get(1).equals("on");
        err.println("timing is " + (timing ? "on" : "off"));
        err.flush();
        return ExitCodes.OK;
    }

    private int error(String message, int code) {
        err.println("error: " + message);
        err.flush();
        return code;
    }
}
