package org.retrovue.cli.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.retrovue.cli.CliContext;
import org.retrovue.cli.ExitCodes;
import org.retrovue.cli.render.Shapes;
import org.retrovue.cli.render.Text;
import org.retrovue.core.ErrorKind;
import org.retrovue.core.IngestReport;
import org.retrovue.core.IngestService;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code source enrich [SOURCE [COLLECTION]]}: runs the sources' enrichers on items not enriched with them yet. */
final class SourceEnrichCommand extends ContextCommand {
    private final PositionalParamSpec source = parameter("SOURCE", "0..1", "Only this source's collections (name, UUID or external id).");
    private final PositionalParamSpec collection = parameter("COLLECTION", "0..1", "Only this collection of SOURCE (name, UUID or external id).");
    private final OptionSpec full = flag("--full", "Enrich every present item again, not only new, changed and stale ones.");
    private final OptionSpec json = jsonFlag();

    SourceEnrichCommand(CliContext context) {
        super(context, "enrich", "Run the sources' enrichers on items not enriched with their current list: all, one source's, or one collection.");
        footer("Ingest runs them too; this catches up after `source enrichers` changed a list, or once ffprobe is installed.",
                "Example: retrovue source enrich \"Media Library\" movies",
                "Exit 0 when every chosen collection was enriched (failed items are warnings), 1 on failure, 5 when an ingest holds one.");
    }

    @Override
    public Integer call() {
        IngestService.EnrichRequest request = new IngestService.EnrichRequest(Optional.ofNullable(value(source)),
                Optional.ofNullable(value(collection)), isSet(full));
        IngestReport report = CollectionReports.run(this, context, isSet(json), progress -> context.ingest().enrich(request, progress));
        if (isSet(json)) {
            Map<String, Object> doc = Shapes.ingestReport(report);
            doc.remove("dry_run");
            json(doc);
        } else {
            printText(report);
        }
        ErrorKind outcome = report.outcome();
        return outcome == null ? ExitCodes.OK : ExitCodes.of(outcome);
    }

    private void printText(IngestReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (IngestReport.CollectionReport c : report.collections()) {
            Map<String, Object> n = c.counts();
            boolean counted = !n.isEmpty();
            rows.add(List.of(c.source(), c.collection(), c.status().name().toLowerCase(Locale.ROOT),
                    counted ? CollectionReports.count(n.get("to_enrich")) : "-", counted ? CollectionReports.count(n.get("enriched")) : "-",
                    counted ? CollectionReports.count(n.get("enrich_failed")) : "-", counted ? CollectionReports.count(n.get("enrich_waiting")) : "-",
                    counted ? CollectionReports.count(n.get("warnings")) : "-", String.format(Locale.ROOT, "%.1fs", c.durationMillis() / 1000.0)));
        }
        Text.table(out(), List.of("SOURCE", "COLLECTION", "STATUS", "TO ENRICH", "ENRICHED", "FAILED", "WAITING", "WARNINGS", "TIME"), rows,
                "No collections to enrich. Enable one with `retrovue source enable COLLECTION`.");
        for (IngestReport.CollectionReport c : report.collections()) {
            if (c.reason() != null && (c.status() == IngestReport.Status.SKIPPED || c.status() == IngestReport.Status.ENRICHED)) {
                out().println(Text.escape(c.source() + "/" + c.collection() + ": " + c.reason()));
            }
        }
        out().flush();
    }
}
