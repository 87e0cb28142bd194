package org.retrovue.cli.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.retrovue.cli.CliContext;
import org.retrovue.cli.render.Shapes;
import org.retrovue.persistence.SourceRecord;
import org.retrovue.spi.SourceKind;
import picocli.CommandLine.Model.OptionSpec;

final class SourceAddCommand extends ContextCommand {
    private final OptionSpec type = option("--type", "TYPE", true, "Source type, e.g. filesystem.", new KindNames());
    private final OptionSpec name = option("--name", "NAME", true, "Name shown to operators; unique, any case.", null);
    private final OptionSpec enrichers = option("--enrichers", "LIST", false, "Comma-separated installed enrichers, in the order they run (see `enricher list-types`).", null);
    private final OptionSpec noDiscover = flag("--no-discover", "Store the source without contacting it (its remote is down now); run `source discover` later.");
    private final OptionSpec json = jsonFlag();

    SourceAddCommand(CliContext context) {
        super(context, "add", "Add a source; its collections are discovered and start disabled.");
    }

    @Override
    public Integer call() {
        SourceKind kind = sources().kind(value(type));
        org.retrovue.core.Enrichers.Choice chosen = sources().enricherList(value(enrichers) == null ? "" : value(enrichers));
        List<String> warnings = new ArrayList<>();
        SourceRecord added = sources().add(kind.id(), value(name), SecretOptions.resolve(spec(), kind, KindOptions.given(spec(), kind), true, context.environment()),
                chosen.names(), !isSet(noDiscover), warnings::add);
        warnings.addAll(chosen.warnings());
        if (isSet(json)) {
            Map<String, Object> doc = Shapes.source(added, context.registry());
            doc.put("warnings", Warnings.forJson(warnings));
            json(doc);
        } else {
            SourceOutput.print(this, added, false);
            Warnings.print(this, warnings);
        }
        return 0;
    }
}
