package org.retrovue.cli.command;

import java.util.Locale;
import java.util.Map;
import org.retrovue.cli.render.Text;
import org.retrovue.core.IngestReport;

/** What {@code source ingest} and {@code source enrich} print alike of their reports. */
final class CollectionReports {
    private CollectionReports() {}

    /**
     * Runs {@code work} with live progress lines on stderr when it is a terminal and JSON was not asked for (erased
     * when it ends, whatever happens), then prints the report's warnings and failures.
     */
    static IngestReport run(ContextCommand command, org.retrovue.cli.CliContext context, boolean json,
                            java.util.function.Function<org.retrovue.core.IngestProgress, IngestReport> work) {
        org.retrovue.cli.Prompter prompter = context.environment().prompter();
        org.retrovue.cli.render.ProgressLines lines = !json && prompter != null && prompter.available()
                ? new org.retrovue.cli.render.ProgressLines(command.err()) : null;
        IngestReport report;
        try {
            report = work.apply(lines == null ? org.retrovue.core.IngestProgress.NONE : lines);
        } finally {
            if (lines != null) {
                lines.clear();
            }
        }
        printProblems(command, report, json);
        return report;
    }

    /** Each collection's warnings (unless in JSON, whose document has them) and failures, on stderr. */
    static void printProblems(ContextCommand command, IngestReport report, boolean json) {
        for (IngestReport.CollectionReport c : report.collections()) {
            String name = c.source() + "/" + c.collection();
            for (String warning : json ? java.util.List.<String>of() : c.warnings()) {
                command.err().println("warning: " + Text.escape(name + ": " + Text.withoutClassNames(warning)));
            }
            if (c.status() == IngestReport.Status.FAILED || c.status() == IngestReport.Status.BUSY) {
                command.err().println("error: " + Text.escape(name + ": " + Text.withoutClassNames(c.reason())));
                if (c.failure() != null && command.debug()) {
                    c.failure().printStackTrace(command.err());
                }
            }
        }
        command.err().flush();
    }

    /** {@code 40/42}: items enriched of those to enrich, with failed and waiting ones said; "-" when none were to enrich. */
    static String enriched(Map<String, Object> counts) {
        long total = number(counts.get("to_enrich"));
        if (total == 0) {
            return "-";
        }
        long failed = number(counts.get("enrich_failed"));
        long waiting = number(counts.get("enrich_waiting"));
        return count(counts.get("enriched")) + "/" + count(total) + (failed > 0 ? ", " + count(failed) + " failed" : "")
                + (waiting > 0 ? ", " + count(waiting) + " waiting" : "");
    }

    static String count(Object value) {
        return String.format(Locale.ROOT, "%,d", number(value));
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
