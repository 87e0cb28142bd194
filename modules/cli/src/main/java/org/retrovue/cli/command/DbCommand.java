package org.retrovue.cli.command;

import picocli.CommandLine.Command;

@Command(name = "db", description = "The catalogue database: which one is in use, and the embedded server.",
        mixinStandardHelpOptions = true)
public final class DbCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
