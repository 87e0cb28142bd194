package org.retrovue.core;

import java.time.Clock;
import java.time.Instant;
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
import java.util.function.Supplier;
import org.retrovue.persistence.AssetFilter;
import org.retrovue.persistence.AssetRecord;
import org.retrovue.persistence.AssetStore;
import org.retrovue.persistence.Catalog;
import org.retrovue.persistence.CollectionRecord;
import org.retrovue.persistence.DatabaseUnavailableException;
import org.retrovue.persistence.IngestRecord;
import org.retrovue.persistence.IngestSummary;
import org.retrovue.persistence.SourceRecord;
import org.retrovue.spi.DiscoveredCollection;
import org.retrovue.spi.ScanRequest;
import org.retrovue.spi.ScanResult;
import org.retrovue.spi.SourceConnection;
import org.retrovue.spi.SourceException;
import org.retrovue.spi.SourceKind;

/**
 * The IngestOrchestrator of the domain: turns enabled, ingestable collections into assets. Sources are ingested in
 * parallel ({@code parallelSources} at a time), each source's collections one after another over one connection to
 * it, so a source sees one request at a time. A source that cannot be reached, or fails part-way, fails its
 * collections and the others go on; what was committed stays. One ingest per collection across processes.
 */
public final class IngestService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("org.retrovue.ingest");
    /** How long an interrupted ingest waits for its collections in progress to stop (a hung disk or server may not). */
    private static final long STOP_WAIT_SECONDS = 30;

    /** What to ingest: everything, one source's collections, or one collection of one source. */
    public record Request(Optional<String> source, Optional<String> collection, boolean dryRun, boolean full, int parallelSources) {
        public Request {
            if (collection.isPresent() && source.isEmpty()) {
                throw new IllegalArgumentException("a collection is named within a source");
            }
            if (parallelSources < 1) {
                throw new RetrovueException(ErrorKind.USAGE, "--parallel must be at least 1");
            }
        }
    }

    /** What to enrich: every enabled collection, one source's, or one collection; {@code all}: stale or not. */
    public record EnrichRequest(Optional<String> source, Optional<String> collection, boolean all) {
        public EnrichRequest {
            if (collection.isPresent() && source.isEmpty()) {
                throw new IllegalArgumentException("a collection is named within a source");
            }
        }
    }

    private final Supplier<Catalog> catalog;
    private final PluginRegistry registry;
    private final Clock clock;
    private final SecretBox box;
    private final IngestConnections connections = new IngestConnections();
    /** Items enriched at once: enrichers are a process or a file read each, so more than the cores buys little. */
    private final int enrichThreads = Integer.getInteger("retrovue.enrich.threads", Runtime.getRuntime().availableProcessors());
    /** The time limit of one enricher on one item (ADR 0011). */
    private final java.time.Duration enrichTimeout = java.time.Duration.ofSeconds(Long.getLong("retrovue.enrich.timeout-seconds", 30));

    public IngestService(Supplier<Catalog> catalog, PluginRegistry registry, Clock clock) {
        this(catalog, registry, clock, SecretBox.NONE);
    }

    /** With {@code box}, the sources' stored secrets are decrypted to hand them to their plugins. */
    public IngestService(Supplier<Catalog> catalog, PluginRegistry registry, Clock clock, SecretBox box) {
        this.catalog = catalog;
        this.registry = registry;
        this.clock = clock;
        this.box = box;
    }

    /**
     * Runs an ingest. The database becoming unavailable part-way ends the whole ingest (DATABASE): what was
     * committed stays, and no other collection could be written either.
     */
    public IngestReport ingest(Request request, IngestProgress progress) {
        return DatabaseErrors.translate(() -> ingestAll(request, progress));
    }

    private IngestReport ingestAll(Request given, IngestProgress progress) {
        long start = System.nanoTime();
        Request request = resolved(given);
        List<SourceRecord> sources = select(request);
        List<IngestReport.CollectionReport> reports = new ArrayList<>();
        Map<UUID, List<CollectionRecord>> work = new LinkedHashMap<>();
        for (SourceRecord source : sources) {
            for (CollectionRecord collection : chosen(source, request)) {
                Optional<String> skip = skipReason(collection);
                if (skip.isPresent()) {
                    reports.add(new IngestReport.CollectionReport(collection.id(), source.name(), collection.name(), IngestReport.Status.SKIPPED,
                            skip.get(), Map.of(), 0, List.of()));
                } else {
                    work.computeIfAbsent(source.id(), id -> new ArrayList<>()).add(collection);
                }
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(request.parallelSources(), Math.max(1, work.size())),
                Thread.ofPlatform().name("ingest-", 1).daemon(true).factory());
        java.util.Set<PluginContext> contexts = java.util.concurrent.ConcurrentHashMap.newKeySet(); // told when the ingest is interrupted
        try {
            List<Future<List<IngestReport.CollectionReport>>> running = new ArrayList<>();
            for (SourceRecord source : sources) {
                List<CollectionRecord> collections = work.get(source.id());
                if (collections != null) {
                    running.add(pool.submit(() -> ingestSource(source, collections, request, progress, contexts)));
                }
            }
            for (Future<List<IngestReport.CollectionReport>> future : running) {
                reports.addAll(await(future, running, pool, contexts));
            }
        } finally {
            pool.shutdownNow();
        }
        return new IngestReport(request.dryRun(), reports, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Runs the sources' enrichers on the stale assets of enabled collections (all their assets with
     * {@code request.all()}), one collection after another, each under its ingest lock: an ingest and an enrichment
     * never race on one collection. What was committed stays when it is interrupted.
     */
    public IngestReport enrich(EnrichRequest request, IngestProgress progress) {
        return DatabaseErrors.translate(() -> enrichAll(request, progress));
    }

    private IngestReport enrichAll(EnrichRequest given, IngestProgress progress) {
        long start = System.nanoTime();
        Request request = resolved(new Request(given.source(), given.collection(), false, given.all(), 1));
        List<IngestReport.CollectionReport> reports = new ArrayList<>();
        AssetStore store = connections.take(catalog.get().target(), applicationName());
        boolean clean = false;
        try {
            for (SourceRecord source : select(request)) {
                EnrichmentPlan plan = EnrichmentPlan.of(source, registry);
                for (CollectionRecord collection : chosen(source, request)) {
                    IngestReport.CollectionReport report = enrichCollection(source, collection, plan, store, given.all(), progress);
                    reports.add(report);
                    progress.finished(report);
                }
            }
            clean = true;
        } finally {
            connections.giveBack(store, clean);
        }
        return new IngestReport(false, reports, millisSince(start));
    }

    private IngestReport.CollectionReport enrichCollection(SourceRecord source, CollectionRecord collection, EnrichmentPlan plan,
                                                           AssetStore store, boolean all, IngestProgress progress) {
        long start = System.nanoTime();
        String skip = !collection.enabled() ? "disabled; enable it with `retrovue source enable " + ShellWord.of(collection.sourceName() + "/"
                + collection.name()) + "`"
                : plan.isEmpty() ? "its source has no enrichers; set them with `retrovue source enrichers " + ShellWord.of(source.name()) + " ffprobe`"
                : null;
        if (skip != null) {
            return new IngestReport.CollectionReport(collection.id(), source.name(), collection.name(), IngestReport.Status.SKIPPED, skip,
                    Map.of(), 0, List.of());
        }
        Optional<String> holder = store.lock(collection.id());
        if (holder.isPresent()) {
            return new IngestReport.CollectionReport(collection.id(), source.name(), collection.name(), IngestReport.Status.BUSY,
                    "being ingested by " + holder.get() + "; wait for it to finish", Map.of(), millisSince(start), List.of());
        }
        try {
            IngestCounts counts = new IngestCounts();
            progress.started(source.name(), collection.name(), counts);
            CappedWarnings warnings = new CappedWarnings(counts, PluginWords.NONE::clean); // one line each (no source secret is involved)
            enrich(plan, collection.id(), store, all, counts.enrichment(), warnings, () -> progress.advanced(source.name(), collection.name(), counts));
            Map<String, Object> shown = counts.enrichment().asMap();
            shown.put("warnings", counts.warnings);
            return new IngestReport.CollectionReport(collection.id(), source.name(), collection.name(), IngestReport.Status.ENRICHED,
                    counts.enrichment().total() == 0 ? "nothing to enrich: every item is enriched with the source's current enrichers" : null,
                    shown, millisSince(start), warnings.kept());
        } catch (CollectionIngest.IngestInterrupted e) {
            Thread.currentThread().interrupt();
            throw new RetrovueException(ErrorKind.EXTERNAL, "enrichment interrupted; what was committed stays, and the next run finishes the job");
        } finally {
            try {
                store.unlock(collection.id());
            } catch (RuntimeException e) {
                // the connection is gone, and its lock with it
            }
        }
    }

    /** Closes the ingest connections kept for the next ingest. */
    @Override
    public void close() {
        connections.close();
    }

    /** The items of one collection, by key; only missing ones with {@code missingOnly}; at most {@code limit} (0: all). */
    public List<AssetRecord> assets(String collectionIdentifier, boolean missingOnly, int limit) {
        return assets(collectionIdentifier, new AssetFilter(missingOnly, null), 0, limit).items();
    }

    /**
     * The items of one collection that {@code filter} selects, by key, leaving out the first {@code offset}; at most
     * {@code limit} (0: all). The total is counted only when the page does not tell it (items left out after it, or
     * none on it past the first).
     */
    public AssetPage assets(String collectionIdentifier, AssetFilter filter, long offset, int limit) {
        return DatabaseErrors.translate(() -> readAssets(collectionIdentifier, filter, offset, limit));
    }

    private AssetPage readAssets(String collectionIdentifier, AssetFilter filter, long offset, int limit) {
        CollectionRecord collection = catalog.get().read(s -> Identifiers.collection(s, collectionIdentifier));
        AssetStore store = connections.take(catalog.get().target(), applicationName());
        boolean clean = false;
        try {
            List<AssetRecord> items = store.assets(collection.id(), filter, offset, limit > 0 ? limit + 1L : 0);
            boolean cut = limit > 0 && items.size() > limit;
            if (cut) {
                items = items.subList(0, limit);
            }
            long total = cut || (items.isEmpty() && offset > 0) ? store.countAssets(collection.id(), filter) : offset + items.size();
            clean = true;
            return new AssetPage(items, offset, total);
        } finally {
            connections.giveBack(store, clean);
        }
    }

    /** Asset counts and last ingest of each collection (those never ingested have {@link IngestSummary#NONE}). */
    public Map<UUID, IngestSummary> summaries(List<CollectionRecord> collections) {
        Map<UUID, IngestSummary> found = DatabaseErrors.translate(() -> catalog.get().ingestSummaries(collections.stream().map(CollectionRecord::id).toList()));
        Map<UUID, IngestSummary> all = new LinkedHashMap<>();
        for (CollectionRecord collection : collections) {
            all.put(collection.id(), found.getOrDefault(collection.id(), IngestSummary.NONE));
        }
        return all;
    }

    /** The last ingest of a collection, read on the catalogue's connection. */
    public Optional<IngestRecord> lastIngest(UUID collectionId) {
        return DatabaseErrors.translate(() -> catalog.get().lastIngest(collectionId));
    }

    private List<IngestReport.CollectionReport> await(Future<List<IngestReport.CollectionReport>> future,
                                                      List<Future<List<IngestReport.CollectionReport>>> all, ExecutorService pool,
                                                      java.util.Set<PluginContext> contexts) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            contexts.forEach(PluginContext::cancel); // before the interrupts: a plugin that swallows one still sees it
            all.forEach(f -> f.cancel(true));
            pool.shutdownNow();
            try {
                // the collections in progress stop at their next item and record that they were interrupted: the
                // operator's next look at them must find that, not a process still writing
                pool.awaitTermination(STOP_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException again) {
                // interrupted twice: leave now; what was committed stays all the same
            }
            Thread.currentThread().interrupt();
            throw new RetrovueException(ErrorKind.EXTERNAL, "ingest interrupted; what was committed stays, and the next ingest finishes the job");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(String.valueOf(e.getCause().getMessage()), e.getCause());
        }
    }

    private List<SourceRecord> select(Request request) {
        return catalog.get().read(s -> request.source().map(id -> List.of(Identifiers.source(s, id))).orElseGet(s::sources));
    }

    /**
     * {@code source ingest SOURCE/COLLECTION} as {@code enable} and {@code assets} take it: a lone identifier with a
     * {@code /} that names no source is read as a collection (a source's own name may hold a {@code /}).
     */
    private Request resolved(Request request) {
        if (request.collection().isPresent() || request.source().isEmpty() || request.source().get().indexOf('/') < 0) {
            return request;
        }
        String given = request.source().get();
        return catalog.get().read(s -> {
            try {
                Identifiers.source(s, given);
                return request;
            } catch (RetrovueException e) {
                if (e.kind() != ErrorKind.NOT_FOUND) {
                    throw e;
                }
                CollectionRecord collection = Identifiers.collection(s, given);
                return new Request(Optional.of(collection.sourceId().toString()), Optional.of(collection.id().toString()),
                        request.dryRun(), request.full(), request.parallelSources());
            }
        });
    }

    private static List<CollectionRecord> chosen(SourceRecord source, Request request) {
        if (request.collection().isEmpty()) {
            return source.collections();
        }
        String given = request.collection().get();
        boolean uuid = Identifiers.uuid(given).isPresent(); // a UUID means that UUID, whatever a name reads
        List<CollectionRecord> matches = source.collections().stream()
                .filter(c -> uuid ? c.id().toString().equalsIgnoreCase(given) : c.name().equalsIgnoreCase(given) || c.externalId().equals(given))
                .toList();
        if (matches.isEmpty()) {
            throw new RetrovueException(ErrorKind.NOT_FOUND, "'" + source.name() + "' has no collection '" + given + "'; see `retrovue source collections "
                    + ShellWord.of(source.name()) + "`");
        }
        if (matches.size() > 1) {
            throw new RetrovueException(ErrorKind.AMBIGUOUS, "'" + given + "' matches " + matches.size() + " collections of '" + source.name()
                    + "'; name one by its UUID: " + String.join(", ", matches.stream().map(c -> c.name() + " (" + c.id() + ")").toList()));
        }
        return matches;
    }

    private Optional<String> skipReason(CollectionRecord collection) {
        if (!collection.enabled()) {
            return Optional.of("disabled; enable it with `retrovue source enable " + ShellWord.of(collection.sourceName() + "/" + collection.name()) + "`");
        }
        Ingestability ingestability = Ingestability.of(collection, registry);
        return ingestability.ingestable() ? Optional.empty() : Optional.of("not ingestable: " + String.join("; ", ingestability.reasons()));
    }

    private List<IngestReport.CollectionReport> ingestSource(SourceRecord source, List<CollectionRecord> collections, Request request,
                                                             IngestProgress progress, java.util.Set<PluginContext> contexts) {
        List<IngestReport.CollectionReport> reports = new ArrayList<>();
        Optional<SourceKind> kind = registry.find(source.kind());
        if (kind.isEmpty()) {
            for (CollectionRecord collection : collections) {
                reports.add(notScanned(source, collection, registry.notInstalled(source.kind()), null));
            }
            return reports;
        }
        SourceConnection connection;
        Map<String, Object> config;
        try {
            config = box.open(source.config(), source.name());
        } catch (RetrovueException e) {
            for (CollectionRecord collection : collections) {
                reports.add(notScanned(source, collection, e.getMessage(), null));
            }
            return reports;
        }
        PluginWords words = PluginWords.of(kind.get(), config);
        EnrichmentPlan plan = EnrichmentPlan.of(source, registry);
        try {
            PluginContext context = PluginContext.forKind(registry, kind.get().id(), clock);
            contexts.add(context);
            connection = kind.get().connect(config, context);
        } catch (SourceException | RuntimeException e) {
            for (CollectionRecord collection : collections) {
                reports.add(notScanned(source, collection, message(e, words), words.masked(e)));
            }
            return reports;
        }
        AssetStore store;
        try {
            store = connections.take(catalog.get().target(), applicationName());
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
        boolean clean = false;
        try (connection) {
            String unreachable = null;
            for (CollectionRecord collection : collections) {
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
                IngestReport.CollectionReport report;
                if (unreachable != null) {
                    // the source stopped answering for an earlier collection: no need to wait for it again
                    report = notScanned(source, collection, unreachable, null);
                } else {
                    Outcome outcome = ingestCollection(source, collection, connection, store, request, progress, words, plan);
                    report = outcome.report();
                    if (outcome.sourceUnreachable()) {
                        unreachable = report.reason();
                    }
                }
                reports.add(report);
                progress.finished(report);
            }
            clean = !Thread.currentThread().isInterrupted();
        } finally {
            connections.giveBack(store, clean);
        }
        return reports;
    }

    /** A collection's report, and whether it failed because its source stopped answering. */
    private record Outcome(IngestReport.CollectionReport report, boolean sourceUnreachable) {
        Outcome(IngestReport.CollectionReport report) {
            this(report, false);
        }
    }

    private Outcome ingestCollection(SourceRecord source, CollectionRecord collection, SourceConnection connection,
                                     AssetStore store, Request request, IngestProgress progress, PluginWords words,
                                     EnrichmentPlan plan) {
        long start = System.nanoTime();
        Optional<String> holder = store.lock(collection.id());
        if (holder.isPresent()) {
            return new Outcome(new IngestReport.CollectionReport(collection.id(), source.name(), collection.name(), IngestReport.Status.BUSY,
                    "being ingested by " + holder.get() + "; wait for it to finish", Map.of(), millisSince(start), List.of()));
        }
        try {
            String previousVersion = request.full() ? null : lastIngest(collection.id()).map(IngestRecord::version).orElse(null);
            CollectionIngest ingest = new CollectionIngest(collection, store, clock, request.dryRun(), request.full(),
                    connection.findsLocalFiles(), counts -> progress.advanced(source.name(), collection.name(), counts), words::clean);
            long phase = System.nanoTime();
            IngestCounts counts = ingest.counts();
            progress.started(source.name(), collection.name(), counts);
            ScanResult result = null;
            Exception failure = null;
            try {
                result = connection.scan(new ScanRequest(discovered(collection), previousVersion), ingest);
            } catch (SourceException | RuntimeException e) {
                failure = e;
            }
            LOG.log(System.Logger.Level.INFO, "{0}/{1}: scanned in {2} ms", source.name(), collection.name(), millisSince(phase));
            phase = System.nanoTime();
            try {
                ingest.finishWrites(); // after a failure too: what was seen before it stays
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
            LOG.log(System.Logger.Level.INFO, "{0}/{1}: last writes done {2} ms later", source.name(), collection.name(), millisSince(phase));
            if (failure instanceof DatabaseUnavailableException lost) {
                throw lost; // not this collection's failure: the ingest as a whole stops (DATABASE)
            }
            if (failure != null) {
                boolean unreachable = failure instanceof SourceException pluginFailure && pluginFailure.code() == SourceException.Code.UNREACHABLE;
                boolean interrupted = failure instanceof CollectionIngest.IngestInterrupted || Thread.currentThread().isInterrupted();
                String reason = interrupted ? "interrupted; what was committed stays, and the next ingest finishes the job" : message(failure, words);
                if (!request.dryRun()) {
                    store.recordIngest(collection.id(), Instant.now(clock), interrupted ? "interrupted" : "failed", withError(counts, reason), null, false);
                }
                return new Outcome(failed(source, collection, reason, words.masked(failure), counts, ingest.warnings(), millisSince(start)), unreachable);
            }
            IngestReport.Status status = request.dryRun() ? IngestReport.Status.WOULD_INGEST : IngestReport.Status.INGESTED;
            String reason = null;
            if (result.unchanged()) {
                status = IngestReport.Status.UNCHANGED;
                ingest.lookForFilesNotFound();
                reason = "unchanged at the source since the last ingest" + (counts.changed() == 0 ? ""
                        : "; " + counts.changed() + " item(s) whose file was not here " + (request.dryRun() ? "would be" : "were") + " found");
            } else {
                ingest.markUnseenMissing();
            }
            if (!request.dryRun() && !plan.isEmpty()) {
                try {
                    enrich(plan, collection.id(), store, false, counts.enrichment(), ingest::warning,
                            () -> progress.advanced(source.name(), collection.name(), counts));
                } catch (CollectionIngest.IngestInterrupted e) {
                    String stopped = "interrupted while enriching; what was committed stays, and the next ingest finishes the job";
                    store.recordIngest(collection.id(), Instant.now(clock), "interrupted", withError(counts, stopped), null, false);
                    return new Outcome(failed(source, collection, stopped, null, counts, ingest.warnings(), millisSince(start)));
                }
            }
            if (!request.dryRun()) {
                store.recordIngest(collection.id(), Instant.now(clock), "ok", counts.asMap(), result.version(), true);
            }
            return new Outcome(new IngestReport.CollectionReport(collection.id(), source.name(), collection.name(), status,
                    reason, counts.asMap(), millisSince(start), ingest.warnings()));
        } finally {
            try {
                store.unlock(collection.id());
            } catch (RuntimeException e) {
                // the connection is gone, and its lock with it; what failed before says why
            }
        }
    }

    /**
     * Runs {@code plan} on the collection's stale assets (all with {@code all}). An enricher that keeps hanging
     * stops the enrichment, not the ingest: it is a warning, and what was enriched stays.
     */
    private void enrich(EnrichmentPlan plan, UUID collectionId, AssetStore store, boolean all, EnrichmentCounts counts,
                        java.util.function.Consumer<String> warnings, Runnable onProgress) {
        long phase = System.nanoTime();
        try {
            new EnrichmentStage(store, plan, enrichThreads, enrichTimeout, clock, warnings, onProgress).run(collectionId, all, counts);
        } catch (RetrovueException e) {
            warnings.accept("enrichment stopped: " + e.getMessage());
        }
        LOG.log(System.Logger.Level.INFO, "enriched {0} item(s) in {1} ms", counts.done(), millisSince(phase));
    }

    private static DiscoveredCollection discovered(CollectionRecord collection) {
        Map<String, Object> config = new LinkedHashMap<>(collection.config() == null ? Map.of() : collection.config());
        config.values().removeIf(java.util.Objects::isNull); // a plugin never gave one (Map.copyOf refuses them); a hand-edited row may
        return new DiscoveredCollection(collection.externalId(), collection.name(), Ingestability.locations(collection), config);
    }

    private static IngestReport.CollectionReport failed(SourceRecord source, CollectionRecord collection, String reason, Throwable failure,
                                                        IngestCounts counts, List<String> warnings, long millis) {
        return new IngestReport.CollectionReport(collection.id(), source.name(), collection.name(), IngestReport.Status.FAILED, reason,
                counts.asMap(), millis, warnings, failure);
    }

    /** A collection that failed before its scan began: it has no counts (null in JSON, "-" in the table). */
    private static IngestReport.CollectionReport notScanned(SourceRecord source, CollectionRecord collection, String reason, Throwable failure) {
        return new IngestReport.CollectionReport(collection.id(), source.name(), collection.name(), IngestReport.Status.FAILED, reason,
                Map.of(), 0, List.of(), failure);
    }

    private static Map<String, Object> withError(IngestCounts counts, String reason) {
        Map<String, Object> map = counts.asMap();
        map.put("error", reason);
        return map;
    }

    private static String message(Exception e, PluginWords words) {
        if (e instanceof SourceException source) {
            return SourceService.fromPlugin(source, words).getMessage();
        }
        return e.getMessage() == null ? "unexpected failure with no message (run again with --debug for details)" : words.clean(e.getMessage());
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** How this process appears in {@code pg_stat_activity}, so a second ingest can say who holds a collection. */
    private static String applicationName() {
        return "retrovue ingest (process " + ProcessHandle.current().pid() + ")";
    }
}
