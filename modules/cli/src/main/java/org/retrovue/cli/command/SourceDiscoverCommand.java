package org.retrovue.cli.command;

import org.retrovue.cli.render.Text;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retrovue.cli.CliContext;
import org.retrovue.cli.render.Shapes;
import org.retrovue.core.SourceService;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class SourceDiscoverCommand extends ContextCommand {
    private final PositionalParamSpec source = parameter("SOURCE", "1", "Name (any case), UUID or external id.");
    private final OptionSpec json = jsonFlag();

    SourceDiscoverCommand(CliContext context) {
        super(context, "discover", "Ask a source for its collections again and print what changed.");
        footer("New collections are added disabled; known ones keep their id, enabled flag and mappings;",
                "ones the source no longer has are marked missing, not deleted.");
    }

    @Override
    public Integer call() {
        SourceService.Discovery discovery = sources().discover(value(source));
        if (isSet(json)) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("source", Shapes.source(discovery.source(), context.registry()));
            doc.put("added", discovery.added());
            doc.put("updated", discovery.updated());
            doc.put("missing", discovery.missing());
            doc.put("unchanged", discovery.unchanged());
            doc.put("warnings", Warnings.forJson(discovery.warnings()));
            json(doc);
        } else {
            line("added", discovery.added());
            line("updated", discovery.updated());
            line("missing", discovery.missing());
            out().println("unchanged: " + discovery.unchanged());
            out().flush();
            Warnings.print(this, discovery.warnings());
        }
        return 0;
    }

    private void line(String label, List<String> names) {
        out().println(Text.escape(label + ": " + (names.isEmpty() ? "-" : String.join(", ", names))));
    }
}
