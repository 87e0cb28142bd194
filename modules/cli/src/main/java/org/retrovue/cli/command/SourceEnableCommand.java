package org.retrovue.cli.command;

import org.retrovue.cli.CliContext;
import picocli.CommandLine.Command;

@Command(name = "enable", description = "Enable a collection for ingest.",
        footer = {"", "Example: retrovue source enable \"Media Library/movies\""})
final class SourceEnableCommand extends CollectionToggle {
    SourceEnableCommand(CliContext context) {
        super(context);
    }

    @Override
    boolean enabled() {
        return true;
    }
}
