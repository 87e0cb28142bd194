package org.retrovue.cli.command;

import java.util.ArrayList;
import java.util.List;
import org.retrovue.cli.CliContext;
import org.retrovue.cli.render.Shapes;
import org.retrovue.cli.render.Text;
import org.retrovue.persistence.AssetRecord;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code source assets COLLECTION}: what an ingest stored for a collection. */
final class SourceAssetsCommand extends ContextCommand {
    private final PositionalParamSpec collection = parameter("COLLECTION", "1", "UUID, name, external id, or SOURCE/COLLECTION.");
    private final OptionSpec missing = flag("--missing", "Only items that were not found by the last ingest.");
    private final OptionSpec limit = option("--limit", "N", false, "At most N items (default 100; 0 for all).", null);
    private final OptionSpec json = jsonFlag();

    SourceAssetsCommand(CliContext context) {
        super(context, "assets", "List the items ingested for a collection, by key.");
    }

    @Override
    public Integer call() {
        List<AssetRecord> assets = context.ingest().assets(value(collection), isSet(missing), wholeNumber(limit, 100, 0));
        if (isSet(json)) {
            json(assets.stream().map(Shapes::asset).toList());
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        for (AssetRecord a : assets) {
            rows.add(List.of(a.key(), a.kind(), a.state(), a.size() < 0 ? "-" : Long.toString(a.size()),
                    a.localPath() == null ? "(no mapping)" : a.localPath() + (Boolean.FALSE.equals(a.filePresent()) ? " (not found)" : "")));
        }
        Text.table(out(), List.of("KEY", "KIND", "STATE", "SIZE", "LOCAL PATH"), rows,
                isSet(missing) ? "No missing items: the last ingest found every item it had stored." : "No items. Ingest with `retrovue source ingest`.");
        out().flush();
        return 0;
    }

}
