package org.retrovue.cli.command;

import java.util.LinkedHashMap;
import java.util.Map;
import org.retrovue.cli.CliContext;
import org.retrovue.cli.render.Shapes;
import org.retrovue.cli.render.Text;
import org.retrovue.persistence.CollectionRecord;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code source enable} and {@code source disable}: one collection, printed as changed. */
abstract class CollectionToggle extends ContextCommand {
    @Parameters(paramLabel = "COLLECTION", description = "UUID, name, external id, or SOURCE/COLLECTION.")
    String collection;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    CollectionToggle(CliContext context) {
        super(context);
    }

    abstract boolean enabled();

    @Override
    public Integer call() {
        CollectionRecord c = sources().setEnabled(collection, enabled());
        if (json) {
            json(Shapes.collection(c));
        } else {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("collection", c.name());
            fields.put("source", c.sourceName());
            fields.put("id", c.id().toString());
            fields.put("external_id", c.externalId());
            fields.put("enabled", c.enabled() ? "yes" : "no");
            Text.block(out(), fields, "");
        }
        return 0;
    }
}
