package org.retrovue.cli.command;

import org.retrovue.cli.CliContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = "Show one source: every field, its enrichers, collections and path mappings.")
final class SourceShowCommand extends ContextCommand {
    @Parameters(paramLabel = "SOURCE", description = "Name (any case), UUID or external id.")
    String source;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    SourceShowCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        SourceOutput.print(this, sources().show(source), json);
        return 0;
    }
}
