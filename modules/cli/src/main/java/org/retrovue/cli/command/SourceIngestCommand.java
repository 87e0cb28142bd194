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

/** {@code source ingest [SOURCE [COLLECTION]]}: scans enabled, ingestable collections into the catalogue of assets. */
final class SourceIngestCommand extends ContextCommand {
    private final PositionalParamSpec source = parameter("SOURCE", "0..1", "Only this source's collections (name, UUID or external id).");
    private final PositionalParamSpec collection = parameter("COLLECTION", "0..1", "Only this collection of SOURCE (name, UUID or external id).");
    private final OptionSpec dryRun = flag("--dry-run", "Report what would change; write nothing.");
    private final OptionSpec full = flag("--full", "Re-read every item and look for its file, even unchanged ones; what differs is written.");
    private final OptionSpec parallel = option("--parallel", "N", false, "Sources ingested at the same time (default 2).", null);
    private final OptionSpec json = jsonFlag();

    SourceIngestCommand(CliContext context) {
        super(context, "ingest", "Ingest the items of enabled, ingestable collections: all, one source's, or one collection.");
        footer("Incremental: unchanged items are not rewritten; items gone are marked missing, and present again when back.",
                "Exit 0 when every chosen collection ingested (or was skipped), 1 when any failed, 5 when another ingest holds one.");
    }

    @Override
    public Integer call() {
        IngestService.Request request = new IngestService.Request(Optional.ofNullable(value(source)), Optional.ofNullable(value(collection)),
                isSet(dryRun), isSet(full), wholeNumber(parallel, 2, 1));
        IngestReport report = CollectionReports.run(this, context, isSet(json), progress -> context.ingest().ingest(request, progress));
        if (isSet(json)) {
            json(Shapes.ingestReport(report));
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
                    counted ? count(n.get("seen")) : "-", counted ? count(n.get("new")) : "-",
                    counted ? count((Long) n.get("changed") + (Long) n.get("reappeared")) : "-",
                    counted ? count(n.get("missing")) : "-", counted ? CollectionReports.enriched(n) : "-", counted ? count(n.get("warnings")) : "-",
                    String.format(Locale.ROOT, "%.1fs", c.durationMillis() / 1000.0)));
        }
        Text.table(out(), List.of("SOURCE", "COLLECTION", "STATUS", "SEEN", "NEW", "CHANGED", "MISSING", "ENRICHED", "WARNINGS", "TIME"), rows,
                "No collections to ingest. Enable one with `retrovue source enable COLLECTION`.");
        for (IngestReport.CollectionReport c : report.collections()) {
            if (c.status() == IngestReport.Status.SKIPPED || c.status() == IngestReport.Status.UNCHANGED) {
                out().println(Text.escape(c.source() + "/" + c.collection() + ": " + c.reason()));
            }
        }
        if (report.dryRun()) {
            out().println("dry run: nothing was written");
        }
        out().flush();
    }

    private static String count(Object value) {
        return CollectionReports.count(value);
    }
}
