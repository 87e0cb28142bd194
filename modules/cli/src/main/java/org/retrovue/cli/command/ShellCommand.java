package org.retrovue.cli.command;

import org.retrovue.cli.CliContext;
import org.retrovue.core.ErrorKind;
import org.retrovue.core.RetrovueException;

/**
 * {@code shell}: in the tree for its help, the command list and completion. The launcher opens the shell itself
 * (the shell module is built on this one), so a {@code shell} that reaches the tree is one typed where no shell
 * can open: inside the shell, or in a process that runs commands for someone else.
 */
final class ShellCommand extends ContextCommand {
    ShellCommand(CliContext context) {
        super(context, "shell", "Open the interactive shell: these commands at a retrovue> prompt, with completion and history.",
                "With input piped in, runs one command a line and exits with the code of the first that failed.");
        footer("Also: retrovue alone, on a terminal.", "Reference: docs/cli.md#retrovue-shell-and-retrovue-alone-on-a-terminal");
    }

    @Override
    public Integer call() {
        throw new RetrovueException(ErrorKind.USAGE, "the shell opens only as `retrovue shell` on a command line; in the shell already, type a command, or exit to leave");
    }
}
