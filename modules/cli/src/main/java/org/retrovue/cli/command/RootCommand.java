package org.retrovue.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "retrovue",
        description = "RetroVue Sources: connect media systems, choose their collections, keep the catalogue.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        footer = {"", "Exit codes: 0 ok, 1 failure, 2 usage, 3 not found, 4 ambiguous, 5 conflict, 6 database unavailable.",
                "Environment: RETROVUE_DATABASE_URL, RETROVUE_DATABASE_USER, RETROVUE_DATABASE_PASSWORD, RETROVUE_DATA_DIR."})
public final class RootCommand implements Runnable {
    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
