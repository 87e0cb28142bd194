package org.retrovue.cli.command;

import java.util.List;
import java.util.Optional;
import org.retrovue.cli.CliContext;
import org.retrovue.cli.render.Shapes;
import org.retrovue.cli.render.Text;
import org.retrovue.persistence.SourceSummary;
import picocli.CommandLine.Model.OptionSpec;

final class SourceListCommand extends ContextCommand {
    private final OptionSpec type = option("--type", "TYPE", false, "Only sources of this type.", new KindNames());
    private final OptionSpec json = jsonFlag();

    SourceListCommand(CliContext context) {
        super(context, "list", "List sources.");
    }

    @Override
    public Integer call() {
        List<SourceSummary> sources = sources().list(Optional.ofNullable(value(type)));
        if (isSet(json)) {
            json(sources.stream().map(Shapes::sourceSummary).toList());
        } else {
            Text.table(out(), List.of("NAME", "TYPE", "EXTERNAL ID", "COLLECTIONS", "UPDATED"),
                    sources.stream().map(s -> List.of(s.name(), s.kind(), s.externalId(),
                            s.enabledCollections() + "/" + s.totalCollections() + " enabled", Shapes.timestamp(s.updatedAt()))).toList(),
                    value(type) == null ? "No sources. Add one with `retrovue source add --type TYPE --name NAME ...`."
                            : "No sources of type " + Text.escape(value(type)) + ". `retrovue source list` shows all of them.");
        }
        return 0;
    }
}
