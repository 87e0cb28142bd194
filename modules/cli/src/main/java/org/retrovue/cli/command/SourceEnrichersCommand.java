package org.retrovue.cli.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.retrovue.cli.CliContext;
import org.retrovue.cli.render.Shapes;
import org.retrovue.persistence.SourceRecord;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class SourceEnrichersCommand extends ContextCommand {
    private final PositionalParamSpec source = parameter("SOURCE", "1", "Name (any case), UUID or external id.");
    private final PositionalParamSpec list = parameter("LIST", "1", "Comma-separated installed enrichers, in the order they run (see `enricher list-types`); \"\" clears.");
    private final OptionSpec set = repeatable("--set", "ENRICHER.OPTION=VALUE",
            "Set an option of a listed enricher for this source (see `enricher list-types`); VALUE empty clears it. Repeatable.");
    private final OptionSpec json = jsonFlag();

    SourceEnrichersCommand(CliContext context) {
        super(context, "enrichers", "Replace a source's ordered enricher list; \"\" clears it.");
        footer("Example: retrovue source enrichers \"Media Library\" \"ffprobe,loudness\" --set ffprobe.path=/opt/ffmpeg/bin/ffprobe");
    }

    @Override
    public Integer call() {
        List<String> warnings = new ArrayList<>();
        SourceRecord changed = sources().setEnrichers(value(source), value(list), values(set), warnings::add);
        if (isSet(json)) {
            Map<String, Object> doc = Shapes.source(changed, context.registry());
            doc.put("warnings", Warnings.forJson(warnings));
            json(doc);
        } else {
            SourceOutput.print(this, changed, false);
            Warnings.print(this, warnings);
        }
        return 0;
    }
}
