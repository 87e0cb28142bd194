package org.retrovue.launcher.resident;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Clock;
import org.retrovue.cli.Cli;
import org.retrovue.cli.CliContext;
import org.retrovue.cli.CliEnvironment;
import org.retrovue.cli.Prompter;

/**
 * One command at a time with a context that is kept between commands (plugin registry, database connection), as
 * a shell session keeps it; its streams are pointed at each request's connections in turn.
 */
final class ResidentSlot implements AutoCloseable {
    private final Redirect out = new Redirect();
    private final Redirect err = new Redirect();
    private volatile boolean interactive;
    private final CliContext context;

    ResidentSlot() {
        Prompter prompter = new Prompter() {
            @Override
            public boolean available() {
                return interactive;
            }

            @Override
            public boolean confirm(String question) {
                return false; // the commands served never ask (ResidentCommands)
            }
        };
        context = new CliContext(new CliEnvironment(System.getenv(), new PrintWriter(out, true), new PrintWriter(err, true), prompter,
                Clock.systemUTC()));
    }

    /** Runs {@code args} with output to {@code stdout} and {@code stderr}; returns the exit code. */
    int run(String[] args, Writer stdout, Writer stderr, boolean interactive) {
        this.interactive = interactive;
        out.target = stdout;
        err.target = stderr;
        try {
            context.dropCatalogIfStale();
            return Cli.forArguments(context, args).execute(args);
        } finally {
            context.environment().out().flush();
            context.environment().err().flush();
            out.target = null;
            err.target = null;
        }
    }

    /**
     * Why this slot met a schema newer than this build (its catalogue's version changed under it, or opening it was
     * refused), or empty: the process then answers as a JVM of its own would (the request that found it fails with
     * the same {@code error:} line and exit code) and ends.
     */
    java.util.Optional<String> schemaTooNew() {
        return context.schemaTooNew();
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * A writer whose target changes from request to request; between requests, output goes nowhere, and so does the
     * rest of a command's output once its reader went away (a closed pipe: {@code retrovue ... | head}).
     */
    private static final class Redirect extends Writer {
        private volatile Writer target;

        @Override
        public void write(char[] chars, int offset, int length) {
            Writer to = target;
            if (to != null) {
                try {
                    to.write(chars, offset, length);
                } catch (IOException gone) {
                    target = null;
                }
            }
        }

        @Override
        public void flush() {
            Writer to = target;
            if (to != null) {
                try {
                    to.flush();
                } catch (IOException gone) {
                    target = null;
                }
            }
        }

        @Override
        public void close() {
            // the connections are closed by the server
        }
    }
}
