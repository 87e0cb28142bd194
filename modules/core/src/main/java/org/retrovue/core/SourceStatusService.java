package org.retrovue.core;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.retrovue.persistence.Catalog;
import org.retrovue.persistence.CollectionRecord;
import org.retrovue.persistence.IngestSummary;
import org.retrovue.persistence.SourceRecord;
import org.retrovue.spi.SourceConnection;
import org.retrovue.spi.SourceException;
import org.retrovue.spi.SourceHealth;
import org.retrovue.spi.SourceKind;

/**
 * {@code source status}: each source checked by its plugin (all at once, each within {@link #CHECK_LIMIT}), and
 * each collection's ingestability, last ingest and assets from the catalogue. Reads only.
 */
public final class SourceStatusService {
    /** The most one source's check may take, whatever its plugin's own timeouts: monitoring must get an answer. */
    static final Duration CHECK_LIMIT = Duration.ofSeconds(60);

    /** A source's verdict, and a collection's. */
    public enum Verdict { HEALTHY, UNHEALTHY, UNKNOWN, DISABLED }

    public record CollectionStatus(CollectionRecord collection, Verdict verdict, Ingestability ingestability, IngestSummary ingest) {}

    public record SourceStatus(UUID id, String name, String kind, String externalId, Verdict verdict, SourceHealth health,
                               List<CollectionStatus> collections) {}

    /** Every source named, and whether all of them and their enabled collections are healthy. */
    public record Report(List<SourceStatus> sources, boolean healthy) {}

    private final Supplier<Catalog> catalog;
    private final PluginRegistry registry;
    private final Clock clock;
    private final SecretBox box;

    public SourceStatusService(Supplier<Catalog> catalog, PluginRegistry registry, Clock clock, SecretBox box) {
        this.catalog = catalog;
        this.registry = registry;
        this.clock = clock;
        this.box = box;
    }

    public Report status(Optional<String> sourceIdentifier) {
        List<SourceRecord> sources = DatabaseErrors.translate(() -> catalog.get().read(
                s -> sourceIdentifier.map(id -> List.of(Identifiers.source(s, id))).orElseGet(s::sources)));
        List<UUID> collectionIds = sources.stream().flatMap(s -> s.collections().stream()).map(CollectionRecord::id).toList();
        Map<UUID, IngestSummary> summaries = DatabaseErrors.translate(() -> catalog.get().ingestSummaries(collectionIds));
        Map<UUID, SourceHealth> health = checkAll(sources);
        List<SourceStatus> statuses = new ArrayList<>();
        boolean healthy = true;
        for (SourceRecord source : sources) {
            SourceHealth h = health.get(source.id());
            Verdict verdict = verdict(h);
            healthy &= verdict == Verdict.HEALTHY;
            List<CollectionStatus> collections = new ArrayList<>();
            for (CollectionRecord c : source.collections()) {
                IngestSummary summary = summaries.getOrDefault(c.id(), IngestSummary.NONE);
                Ingestability ingestability = Ingestability.of(c, registry);
                Verdict cv = !c.enabled() ? Verdict.DISABLED
                        : !ingestability.ingestable() || (summary.lastIngest() != null && "failed".equals(summary.lastIngest().outcome()))
                        ? Verdict.UNHEALTHY : Verdict.HEALTHY;
                healthy &= cv != Verdict.UNHEALTHY;
                collections.add(new CollectionStatus(c, cv, ingestability, summary));
            }
            statuses.add(new SourceStatus(source.id(), source.name(), source.kind(), source.externalId(), verdict, h, collections));
        }
        return new Report(statuses, healthy);
    }

    /** A failed check is unhealthy; one left unmade (an old plugin's) is unknown; a problem reported is unhealthy. */
    static Verdict verdict(SourceHealth h) {
        if (h.reachable() == SourceHealth.Check.FAILED || h.credentials() == SourceHealth.Check.FAILED) {
            return Verdict.UNHEALTHY;
        }
        if (h.reachable() == SourceHealth.Check.NOT_CHECKED || h.credentials() == SourceHealth.Check.NOT_CHECKED) {
            return Verdict.UNKNOWN;
        }
        return h.problem() == null ? Verdict.HEALTHY : Verdict.UNHEALTHY;
    }

    private Map<UUID, SourceHealth> checkAll(List<SourceRecord> sources) {
        Map<UUID, SourceHealth> health = new LinkedHashMap<>();
        try (ExecutorService checks = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("health-", 1).factory())) {
            Map<UUID, Future<SourceHealth>> running = new LinkedHashMap<>();
            for (SourceRecord source : sources) {
                running.put(source.id(), checks.submit(() -> check(source)));
            }
            long deadline = System.nanoTime() + CHECK_LIMIT.toNanos();
            for (var entry : running.entrySet()) {
                health.put(entry.getKey(), await(entry.getValue(), deadline));
            }
            checks.shutdownNow(); // a check past its limit is interrupted, not waited for
        }
        return health;
    }

    private static SourceHealth await(Future<SourceHealth> check, long deadline) {
        try {
            return check.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            check.cancel(true);
            return SourceHealth.unreachable("did not finish its check within " + CHECK_LIMIT.toSeconds() + " s");
        } catch (ExecutionException e) {
            return SourceHealth.unreachable("its check failed: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetrovueException(ErrorKind.EXTERNAL, "source status interrupted");
        }
    }

    /** One source's check, on a thread of its own. */
    private SourceHealth check(SourceRecord source) {
        Optional<SourceKind> kind = registry.find(source.kind());
        if (kind.isEmpty()) {
            return new SourceHealth(SourceHealth.Check.NOT_CHECKED, SourceHealth.Check.NOT_CHECKED, null, null, registry.notInstalled(source.kind()));
        }
        Map<String, Object> config;
        try {
            config = box.open(source.config(), source.name());
        } catch (RetrovueException e) {
            return new SourceHealth(SourceHealth.Check.NOT_CHECKED, SourceHealth.Check.NOT_CHECKED, null, null, e.getMessage());
        }
        PluginWords words = PluginWords.of(kind.get(), config);
        try (SourceConnection connection = kind.get().connect(config, PluginContext.forKind(registry, kind.get().id(), clock))) {
            SourceHealth health = java.util.Objects.requireNonNullElse(connection.health(), SourceHealth.notChecked());
            if (health.reachable() != SourceHealth.Check.NOT_CHECKED) {
                return new SourceHealth(health.reachable(), health.credentials(), words.clean(health.serverName()),
                        words.clean(health.serverVersion()), words.clean(health.problem()));
            }
            // a plugin built before SPI 1.5 checks nothing itself: asking who it is at least tells whether it answers
            connection.fingerprint();
            return new SourceHealth(SourceHealth.Check.OK, SourceHealth.Check.NOT_CHECKED, null, null,
                    "its plugin cannot check itself (built for SPI 1.4 or earlier); only that it answers is known: update the plugin");
        } catch (SourceException e) {
            return e.code() == SourceException.Code.UNAUTHORIZED
                    ? SourceHealth.credentialsRejected(null, null, words.clean(e.getMessage()))
                    : SourceHealth.unreachable(words.clean(e.getMessage()));
        } catch (RuntimeException e) {
            return SourceHealth.unreachable("its plugin failed: " + words.clean(e.getMessage()));
        }
    }
}
