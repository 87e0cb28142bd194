package org.retrovue.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;

/**
 * What the command tree runs against: the environment variables, the output streams, the terminal (null when
 * there is none), and the clock. The launcher passes the real ones; tests pass their own.
 */
public record CliEnvironment(Map<String, String> env, PrintWriter out, PrintWriter err, Prompter prompter, Clock clock) {
    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                Prompter.console(), Clock.systemUTC());
    }
}
