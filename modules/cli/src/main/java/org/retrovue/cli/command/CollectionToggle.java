package org.retrovue.cli.command;

import java.util.LinkedHashMap;
import java.util.Map;
import org.retrovue.cli.CliContext;
import org.retrovue.cli.render.Shapes;
import org.retrovue.cli.render.Text;
import org.retrovue.persistence.CollectionRecord;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code source enable} and {@code source disable}: one collection, printed as changed. */
final class CollectionToggle extends ContextCommand {
    private final boolean enable;
    private final PositionalParamSpec collection = parameter("COLLECTION", "1", "UUID, name, external id, or SOURCE/COLLECTION.");
    private final OptionSpec json = jsonFlag();

    private CollectionToggle(CliContext context, boolean enable, String name, String description) {
        super(context, name, description);
        this.enable = enable;
    }

    static CollectionToggle enable(CliContext context) {
        CollectionToggle command = new CollectionToggle(context, true, "enable", "Enable a collection for ingest.");
        command.footer("Example: retrovue source enable \"Media Library/movies\"");
        return command;
    }

    static CollectionToggle disable(CliContext context) {
        return new CollectionToggle(context, false, "disable", "Disable a collection; ingest skips it.");
    }

    @Override
    public Integer call() {
        CollectionRecord c = sources().setEnabled(value(collection), enable);
        if (isSet(json)) {
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
