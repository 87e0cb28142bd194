package org.retrovue.cli.command;

import org.retrovue.cli.CliContext;
import picocli.AutoComplete;

final class CompletionCommand extends ContextCommand {
    CompletionCommand(CliContext context) {
        super(context, "completion", "Print a bash/zsh completion script.",
                "Use: source <(retrovue completion)   (zsh: autoload -U +X bashcompinit && bashcompinit first)");
    }

    @Override
    public Integer call() {
        out().print(AutoComplete.bash("retrovue", spec().root().commandLine()));
        out().flush();
        return 0;
    }
}
