package org.retrovue.cli.command;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.retrovue.cli.CliContext;
import org.retrovue.cli.render.Shapes;
import org.retrovue.cli.render.Text;
import org.retrovue.core.Ingestability;
import org.retrovue.persistence.CollectionRecord;
import org.retrovue.persistence.IngestSummary;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class SourceCollectionsCommand extends ContextCommand {
    private final PositionalParamSpec source = parameter("SOURCE", "0..1", "Name (any case), UUID or external id.");
    private final OptionSpec json = jsonFlag();

    SourceCollectionsCommand(CliContext context) {
        super(context, "collections", "List collections, of all sources or of one.");
    }

    @Override
    public Integer call() {
        List<CollectionRecord> collections = sources().collections(Optional.ofNullable(value(source)));
        Map<UUID, IngestSummary> ingest = context.ingest().summaries(collections);
        if (isSet(json)) {
            json(collections.stream().map(c -> Shapes.collection(c, ingest.get(c.id()), context.registry())).toList());
        } else {
            List<List<String>> rows = new java.util.ArrayList<>();
            for (CollectionRecord c : collections) {
                rows.add(List.of(c.sourceName(), c.name(), c.externalId(), c.enabled() ? "yes" : "no",
                        Ingestability.of(c, context.registry()).describe(), Shapes.assetsText(ingest.get(c.id())), Shapes.lastIngestText(ingest.get(c.id())), c.id().toString()));
            }
            Text.table(out(), List.of("SOURCE", "COLLECTION", "EXTERNAL ID", "ENABLED", "INGESTABLE", "ASSETS", "LAST INGEST", "ID"), rows, "No collections.");
        }
        return 0;
    }
}
