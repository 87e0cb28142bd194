package org.retrovue.cli.command;

import java.util.ArrayList;
import java.util.List;
import org.retrovue.cli.CliContext;
import org.retrovue.cli.render.Shapes;
import org.retrovue.core.EnricherInfo;
import org.retrovue.spi.OptionSpec;

final class EnricherListTypesCommand extends ContextCommand {
    private final picocli.CommandLine.Model.OptionSpec json = jsonFlag();

    EnricherListTypesCommand(CliContext context) {
        super(context, "list-types", "List the enrichers the installed plugins provide, with their options and whether each can run here.");
        footer("Enrichers come from the same plugin directories as source types (see `source list-types --help`).",
                "Example: retrovue source enrichers \"Media Library\" \"ffprobe\"");
    }

    @Override
    public Integer call() {
        List<EnricherInfo> enrichers = sources().enrichers();
        List<List<String>> rows = new ArrayList<>();
        for (EnricherInfo e : enrichers) {
            rows.add(List.of(e.id(), e.description(), e.version(), e.origin(), options(e.id(), e.options()),
                    e.unavailable() == null ? "yes" : "no: " + e.unavailable()));
        }
        return PluginListing.print(this, isSet(json), "enrichers", enrichers.stream().map(Shapes::enricher).toList(),
                List.of("ENRICHER", "DESCRIPTION", "VERSION", "ORIGIN", "OPTIONS", "AVAILABLE"), rows, "No enrichers are installed.");
    }

    /** {@code [--set ffprobe.path=PATH]}: how `source enrichers --set` gives each option. */
    private static String options(String id, List<OptionSpec> options) {
        List<String> parts = new ArrayList<>();
        for (OptionSpec o : options) {
            String flag = "--set " + id + "." + o.name() + "=" + o.type().name() + (o.defaultValue() == null ? "" : " (default " + o.defaultValue() + ")");
            parts.add(o.required() ? flag : "[" + flag + "]");
        }
        return String.join(" ", parts);
    }
}
