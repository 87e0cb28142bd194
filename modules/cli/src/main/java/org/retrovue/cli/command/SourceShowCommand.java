package org.retrovue.cli.command;

import org.retrovue.cli.CliContext;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class SourceShowCommand extends ContextCommand {
    private final PositionalParamSpec source = parameter("SOURCE", "1", "Name (any case), UUID or external id.");
    private final OptionSpec json = jsonFlag();

    SourceShowCommand(CliContext context) {
        super(context, "show", "Show one source: every field, its enrichers, collections and path mappings.");
    }

    @Override
    public Integer call() {
        var shown = sources().show(value(source));
        SourceOutput.print(this, shown, isSet(json), context.ingest().summaries(shown.collections()));
        return 0;
    }
}
