package org.retrovue.cli.command;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "completion", description = {"Print a bash/zsh completion script.",
        "Use: source <(retrovue completion)   (zsh: autoload -U +X bashcompinit && bashcompinit first)"})
final class CompletionCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().print(AutoComplete.bash("retrovue", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
    }
}
