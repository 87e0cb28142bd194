package org.retrovue.cli.command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.retrovue.cli.CliContext;
import org.retrovue.cli.render.JsonOutput;
import org.retrovue.core.SourceService;

/** A command that runs against the shared {@link CliContext}; it returns its exit code. */
abstract class ContextCommand implements Callable<Integer> {
    protected final CliContext context;

    protected ContextCommand(CliContext context) {
        this.context = context;
    }

    protected PrintWriter out() {
        return context.environment().out();
    }

    protected PrintWriter err() {
        return context.environment().err();
    }

    protected SourceService sources() {
        return context.sources();
    }

    protected void json(Object document) {
        JsonOutput.print(out(), document);
    }
}
