package org.retrovue.cli.command;

import picocli.CommandLine.Command;

@Command(name = "source", description = "Manage sources and their collections.",
        mixinStandardHelpOptions = true)
public final class SourceCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
