package org.retrovue.cli.command;

import org.retrovue.cli.CliContext;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class SourceEnrichersCommand extends ContextCommand {
    private final PositionalParamSpec source = parameter("SOURCE", "1", "Name (any case), UUID or external id.");
    private final PositionalParamSpec list = parameter("LIST", "1", "Comma-separated enrichers (known: ffprobe, loudness); \"\" clears.");
    private final OptionSpec json = jsonFlag();

    SourceEnrichersCommand(CliContext context) {
        super(context, "enrichers", "Replace a source's ordered enricher list; \"\" clears it.");
        footer("Example: retrovue source enrichers \"Media Library\" \"ffprobe,loudness\"");
    }

    @Override
    public Integer call() {
        SourceOutput.print(this, sources().setEnrichers(value(source), value(list)), isSet(json));
        return 0;
    }
}
