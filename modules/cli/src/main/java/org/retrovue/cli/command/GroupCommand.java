package org.retrovue.cli.command;

import org.retrovue.cli.CliContext;

/** A command that only groups others ({@code source}, {@code db}): alone, it prints its usage. */
final class GroupCommand extends ContextCommand {
    GroupCommand(CliContext context, String name, String description) {
        super(context, name, description);
    }

    @Override
    public Integer call() {
        spec().commandLine().usage(out());
        return 0;
    }
}
