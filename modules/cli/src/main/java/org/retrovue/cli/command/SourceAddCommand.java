package org.retrovue.cli.command;

import java.util.List;
import org.retrovue.cli.CliContext;
import org.retrovue.core.Enrichers;
import org.retrovue.persistence.SourceRecord;
import org.retrovue.spi.SourceKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "add", description = "Add a source; its collections are discovered and start disabled.",
        footer = {"", "Each source type adds its own options (see `retrovue source list-types`).",
                "Example: retrovue source add --type filesystem --name \"Media Library\" --base-path /media/movies"})
final class SourceAddCommand extends ContextCommand {
    @Spec
    CommandSpec spec;

    @Option(names = "--type", required = true, paramLabel = "TYPE", description = "Source type, e.g. filesystem.",
            completionCandidates = KindNames.class)
    String type;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Name shown to operators; unique, any case.")
    String name;

    @Option(names = "--enrichers", paramLabel = "LIST", description = "Comma-separated, ordered enrichers (known: ffprobe, loudness).")
    String enrichers = "";

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    SourceAddCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        SourceKind kind = sources().kind(type);
        List<String> chosen = Enrichers.parse(enrichers);
        SourceRecord added = sources().add(kind.id(), name, KindOptions.given(spec, kind), chosen);
        SourceOutput.print(this, added, json);
        return 0;
    }
}
