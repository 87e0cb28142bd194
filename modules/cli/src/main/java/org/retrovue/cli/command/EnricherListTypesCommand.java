package org.retrovue.cli.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retrovue.cli.CliContext;
import org.retrovue.cli.render.Shapes;
import org.retrovue.cli.render.Text;
import org.retrovue.core.EnricherInfo;
import org.retrovue.core.PluginRegistry;
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
        List<PluginRegistry.PluginProblem> problems = sources().pluginProblems();
        if (isSet(json)) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("enrichers", enrichers.stream().map(Shapes::enricher).toList());
            doc.put("plugin_errors", problems.stream().map(p -> Map.of("origin", p.origin(), "message", p.message())).toList());
            json(doc);
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (EnricherInfo e : enrichers) {
                rows.add(List.of(e.id(), e.description(), e.version(), e.origin(), options(e.options()),
                        e.unavailable() == null ? "yes" : "no: " + e.unavailable()));
            }
            Text.table(out(), List.of("ENRICHER", "DESCRIPTION", "VERSION", "ORIGIN", "OPTIONS", "AVAILABLE"), rows, "No enrichers are installed.");
            for (PluginRegistry.PluginProblem p : problems) {
                out().println(Text.escape("plugin not loaded: " + p.origin() + ": " + p.message()));
            }
            out().flush();
        }
        return 0;
    }

    private static String options(List<OptionSpec> options) {
        List<String> parts = new ArrayList<>();
        for (OptionSpec o : options) {
            String flag = o.name() + " " + o.type().name() + (o.defaultValue() == null ? "" : " (default " + o.defaultValue() + ")");
            parts.add(o.required() ? flag : "[" + flag + "]");
        }
        return String.join(" ", parts);
    }
}
