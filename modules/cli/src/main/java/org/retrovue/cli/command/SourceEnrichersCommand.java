package org.retrovue.cli.command;

import org.retrovue.cli.CliContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "enrichers", description = "Replace a source's ordered enricher list; \"\" clears it.",
        footer = {"", "Example: retrovue source enrichers \"Media Library\" \"ffprobe,loudness\""})
final class SourceEnrichersCommand extends ContextCommand {
    @Parameters(index = "0", paramLabel = "SOURCE", description = "Name (any case), UUID or external id.")
    String source;

    @Parameters(index = "1", paramLabel = "LIST", description = "Comma-separated enrichers (known: ffprobe, loudness).")
    String list;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    SourceEnrichersCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        SourceOutput.print(this, sources().setEnrichers(source, list), json);
        return 0;
    }
}
