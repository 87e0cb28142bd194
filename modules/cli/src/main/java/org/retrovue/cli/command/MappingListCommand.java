package org.retrovue.cli.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.retrovue.cli.CliContext;
import org.retrovue.cli.render.Shapes;
import org.retrovue.cli.render.Text;
import org.retrovue.persistence.CollectionRecord;
import org.retrovue.persistence.PathMappingRecord;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class MappingListCommand extends ContextCommand {
    private final PositionalParamSpec collection = parameter("COLLECTION", "0..1", "UUID, name, external id, or SOURCE/COLLECTION.");
    private final OptionSpec json = jsonFlag();

    MappingListCommand(CliContext context) {
        super(context, "list", "List path mappings, of every collection or of one.");
    }

    @Override
    public Integer call() {
        List<CollectionRecord> collections = sources().mappings(Optional.ofNullable(value(collection)));
        List<Map<String, Object>> mappings = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (CollectionRecord c : collections) {
            for (PathMappingRecord m : c.pathMappings()) {
                Map<String, Object> shape = Shapes.pathMapping(m);
                shape.put("source_name", c.sourceName());
                shape.put("collection_name", c.name());
                mappings.add(shape);
                rows.add(List.of(c.sourceName(), c.name(), m.plexPath(), m.localPath()));
            }
        }
        if (isSet(json)) {
            json(mappings);
        } else {
            Text.table(out(), List.of("SOURCE", "COLLECTION", "REMOTE PATH", "LOCAL PATH"), rows, "No path mappings.");
        }
        return 0;
    }
}
