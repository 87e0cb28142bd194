package org.retrovue.cli.command;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.retrovue.cli.CliContext;
import org.retrovue.cli.ExitCodes;
import org.retrovue.cli.render.Shapes;
import org.retrovue.cli.render.Text;
import org.retrovue.core.SourceStatusService;
import org.retrovue.persistence.IngestRecord;
import org.retrovue.spi.SourceHealth;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** Whether each source answers and takes its credentials, and each collection can be ingested; exits 1 when not. */
final class SourceStatusCommand extends ContextCommand {
    private final PositionalParamSpec source = parameter("SOURCE", "0..1", "Name (any case), UUID or external id.");
    private final OptionSpec json = jsonFlag();

    SourceStatusCommand(CliContext context) {
        super(context, "status", "Check that sources answer and take their credentials, and that collections can be ingested.");
        footer("Exits 0 when every source and every enabled collection is healthy, 1 when any is not (or cannot be checked).");
    }

    @Override
    public Integer call() {
        SourceStatusService.Report report = context.status().status(Optional.ofNullable(value(source)));
        OffsetDateTime now = OffsetDateTime.now(context.environment().clock());
        if (isSet(json)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("healthy", report.healthy());
            m.put("sources", report.sources().stream().map(s -> source(s, now)).toList());
            json(m);
        } else {
            List<List<String>> sources = new ArrayList<>();
            List<List<String>> collections = new ArrayList<>();
            for (SourceStatusService.SourceStatus s : report.sources()) {
                SourceHealth h = s.health();
                String server = h.serverName() == null ? "-" : h.serverName() + (h.serverVersion() == null ? "" : " " + h.serverVersion());
                sources.add(List.of(s.name(), s.kind(), word(s.verdict()), reachable(h.reachable()), credentials(h.credentials()), server,
                        h.problem() == null ? "-" : Text.withoutClassNames(h.problem())));
                for (SourceStatusService.CollectionStatus c : s.collections()) {
                    collections.add(List.of(s.name(), c.collection().name(), word(c.verdict()), c.ingestability().describe(),
                            lastIngest(c.ingest().lastIngest(), now), Shapes.assetsText(c.ingest())));
                }
            }
            Text.table(out(), List.of("SOURCE", "TYPE", "HEALTH", "REACHABLE", "CREDENTIALS", "SERVER", "PROBLEM"), sources, "No sources.");
            if (!collections.isEmpty()) {
                out().println();
                Text.table(out(), List.of("SOURCE", "COLLECTION", "HEALTH", "INGESTABLE", "LAST INGEST", "ASSETS"), collections, "");
            }
            out().flush();
        }
        return report.healthy() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static Map<String, Object> source(SourceStatusService.SourceStatus s, OffsetDateTime now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id().toString());
        m.put("name", s.name());
        m.put("kind", s.kind());
        m.put("external_id", s.externalId());
        m.put("health", lower(s.verdict()));
        SourceHealth h = s.health();
        m.put("reachable", lower(h.reachable()));
        m.put("credentials", lower(h.credentials()));
        m.put("server_name", h.serverName());
        m.put("server_version", h.serverVersion());
        m.put("problem", h.problem() == null ? null : Text.withoutClassNames(h.problem()));
        List<Map<String, Object>> collections = new ArrayList<>();
        for (SourceStatusService.CollectionStatus c : s.collections()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("id", c.collection().id().toString());
            cm.put("name", c.collection().name());
            cm.put("external_id", c.collection().externalId());
            cm.put("enabled", c.collection().enabled());
            cm.put("health", lower(c.verdict()));
            cm.put("ingestable", c.ingestability().ingestable());
            cm.put("not_ingestable_reasons", c.ingestability().reasons());
            Map<String, Object> assets = new LinkedHashMap<>();
            assets.put("present", c.ingest().present());
            assets.put("missing", c.ingest().missing());
            cm.put("assets", assets);
            IngestRecord last = c.ingest().lastIngest();
            Map<String, Object> lm = null;
            if (last != null) {
                lm = new LinkedHashMap<>();
                lm.put("at", Shapes.timestamp(last.at()));
                lm.put("outcome", last.outcome());
                lm.put("age_seconds", Math.max(0, Duration.between(last.at(), now).toSeconds()));
                lm.put("error", last.counts().get("error"));
            }
            cm.put("last_ingest", lm);
            collections.add(cm);
        }
        m.put("collections", collections);
        return m;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static String word(SourceStatusService.Verdict verdict) {
        return lower(verdict);
    }

    private static String reachable(SourceHealth.Check check) {
        return switch (check) {
            case OK -> "yes";
            case FAILED -> "no";
            case NOT_CHECKED -> "not checked";
            case NOT_APPLICABLE -> "-";
        };
    }

    private static String credentials(SourceHealth.Check check) {
        return switch (check) {
            case OK -> "valid";
            case FAILED -> "rejected";
            case NOT_CHECKED -> "not checked";
            case NOT_APPLICABLE -> "none needed";
        };
    }

    /** "ok, 3 h ago", "failed, 2 min ago", or "never". */
    static String lastIngest(IngestRecord last, OffsetDateTime now) {
        if (last == null) {
            return "never";
        }
        long seconds = Math.max(0, Duration.between(last.at(), now).toSeconds());
        String age = seconds < 60 ? seconds + " s" : seconds < 3600 ? seconds / 60 + " min" : seconds < 172_800 ? seconds / 3600 + " h" : seconds / 86_400 + " d";
        return last.outcome() + ", " + age + " ago";
    }
}
