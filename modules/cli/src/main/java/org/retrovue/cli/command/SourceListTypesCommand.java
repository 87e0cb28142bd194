package org.retrovue.cli.command;

import java.util.ArrayList;
import java.util.List;
import org.retrovue.cli.CliContext;
import org.retrovue.cli.render.Shapes;
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
        List<List<String>> rows = new ArrayList<>();
        for (SourceKindInfo k : kinds) {
            rows.add(List.of(k.id(), k.description(), k.version() == null ? "-" : k.version(), k.origin(), options(k.options())));
        }
        return PluginListing.print(this, isSet(json), "types", kinds.stream().map(Shapes::kind).toList(),
                List.of("TYPE", "DESCRIPTION", "VERSION", "ORIGIN", "OPTIONS"), rows, "No source types are installed.");
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
