package org.retrovue.cli.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retrovue.cli.CliContext;
import org.retrovue.cli.render.Shapes;
import org.retrovue.cli.render.Text;
import org.retrovue.core.PluginRegistry;
import org.retrovue.core.SourceKindInfo;
import org.retrovue.spi.OptionSpec;

final class SourceListTypesCommand extends ContextCommand {
    private final picocli.CommandLine.Model.OptionSpec json = jsonFlag();

    SourceListTypesCommand(CliContext context) {
        super(context, "list-types", "List the source types the installed plugins provide, with their options.");
        footer("Plugins are read from plugins/ beside bin/, from $RETROVUE_DATA_DIR/plugins, and from the directories in",
                "RETROVUE_PLUGIN_PATH (separated by ':'): each jar, or each folder of jars (a plugin with its dependencies).");
    }

    @Override
    public Integer call() {
        List<SourceKindInfo> kinds = sources().kinds();
        List<PluginRegistry.PluginProblem> problems = sources().pluginProblems();
        if (isSet(json)) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("types", kinds.stream().map(Shapes::kind).toList());
            doc.put("plugin_errors", problems.stream().map(p -> Map.of("origin", p.origin(), "message", p.message())).toList());
            json(doc);
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (SourceKindInfo k : kinds) {
                rows.add(List.of(k.id(), k.description(), k.version() == null ? "-" : k.version(), k.origin(), options(k.options())));
            }
            Text.table(out(), List.of("TYPE", "DESCRIPTION", "VERSION", "ORIGIN", "OPTIONS"), rows, "No source types are installed.");
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
            String flag = "--" + o.name() + " " + o.type().name() + (o.secret() ? " (secret)" : "");
            parts.add(o.required() ? flag : "[" + flag + "]");
        }
        return String.join(" ", parts);
    }
}
