package org.retrovue.cli.command;

import java.util.List;
import java.util.Optional;
import org.retrovue.cli.CliContext;
import org.retrovue.cli.render.Shapes;
import org.retrovue.cli.render.Text;
import org.retrovue.persistence.CollectionRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "collections", description = "List collections, of all sources or of one.")
final class SourceCollectionsCommand extends ContextCommand {
    @Parameters(arity = "0..1", paramLabel = "SOURCE", description = "Name (any case), UUID or external id.")
    String source;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    SourceCollectionsCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        List<CollectionRecord> collections = sources().collections(Optional.ofNullable(source));
        if (json) {
            json(collections.stream().map(Shapes::collection).toList());
        } else {
            Text.table(out(), List.of("SOURCE", "COLLECTION", "EXTERNAL ID", "ENABLED", "ID"),
                    collections.stream().map(c -> List.of(c.sourceName(), c.name(), c.externalId(), c.enabled() ? "yes" : "no", c.id().toString())).toList(),
                    "No collections.");
        }
        return 0;
    }
}
