package org.retrovue.cli.command;

import org.retrovue.cli.render.Text;
import org.retrovue.cli.CliContext;
import org.retrovue.core.Ingestability;
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
        Ingestability ingestability = Ingestability.of(c, context.registry());
        if (enable && !ingestability.ingestable()) {
            err().println(Text.escape("warning: '" + c.sourceName() + "/" + c.name() + "' is enabled, but ingest will skip it: "
                    + String.join("; ", ingestability.reasons())));
            err().flush();
        }
        CollectionOutput.print(this, c, isSet(json));
        return 0;
    }
}
