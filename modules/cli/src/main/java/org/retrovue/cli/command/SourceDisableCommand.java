package org.retrovue.cli.command;

import org.retrovue.cli.CliContext;
import picocli.CommandLine.Command;

@Command(name = "disable", description = "Disable a collection; ingest skips it.")
final class SourceDisableCommand extends CollectionToggle {
    SourceDisableCommand(CliContext context) {
        super(context);
    }

    @Override
    boolean enabled() {
        return false;
    }
}
