package org.retrovue.core;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.retrovue.persistence.AssetRecord;
import org.retrovue.persistence.AssetStore;
import org.retrovue.persistence.EnrichmentWrite;
import org.retrovue.spi.EnrichmentContext;
import org.retrovue.spi.EnrichmentRequest;
import org.retrovue.spi.EnrichmentResult;
import org.retrovue.spi.ExtraType;
import org.retrovue.spi.ItemKind;
import org.retrovue.spi.MediaFacts;
import org.retrovue.spi.ScannedItem;

/**
 * Runs a source's enrichers on the stale assets of one collection (docs/adr/0011): reads them a page at a time,
 * enriches each on one of a few worker threads (the enrichers of one item in list order, each under a deadline),
 * and commits the results from the calling thread in small batches, whole items only: a kill at any moment keeps
 * every committed item, and the next run enriches exactly what is left, since staleness is read from the catalogue.
 */
final class EnrichmentStage {
    private static final System.Logger LOG = System.getLogger("org.retrovue.enrich");
    private static final int PAGE = 200;
    private static final int BATCH = 100;
    private static final long BATCH_NANOS = 1_000_000_000L;
    /** How long past its deadline an enricher's call is waited for before it is abandoned. */
    private static final Duration GRACE = Duration.ofSeconds(2);
    /** Calls abandoned past their deadline beyond which the stage gives up: a plugin that hangs on every file. */
    private static final int ABANDONED_LIMIT = 16;
    private static final int REASON_LENGTH = 300;
    private static final Duration MAX_LIMIT = Duration.ofHours(1);
    /** Where enricher calls run: a call that outlives its deadline is abandoned on its thread, and another takes over. */
    private static final ExecutorService CALLS = Executors.newCachedThreadPool(Thread.ofPlatform().name("enricher-", 1).daemon(true).factory());

    private final AssetStore store;
    private final EnrichmentPlan plan;
    private final int threads;
    private final Duration perItem;
    private final Clock clock;
    private final Consumer<String> warnings;
    private final Runnable onProgress;
    private final AtomicInteger abandoned = new AtomicInteger();

    /** What one item's enrichment gave: what to write, and the warnings it raised. */
    private record Done(EnrichmentWrite write, boolean filled, boolean failed, boolean waiting, List<String> warnings) {}

    EnrichmentStage(AssetStore store, EnrichmentPlan plan, int threads, Duration perItem, Clock clock, Consumer<String> warnings,
                    Runnable onProgress) {
        this.store = store;
        this.plan = plan;
        this.threads = Math.max(1, threads);
        this.perItem = perItem;
        this.clock = clock;
        this.warnings = warnings;
        this.onProgress = onProgress;
    }

    /** Enriches the collection's stale assets (all of them with {@code all}); counts go to {@code counts} as it goes. */
    void run(UUID collectionId, boolean all, EnrichmentCounts counts) {
        List<String> signature = plan.signature();
        counts.total = store.countToEnrich(collectionId, signature, all);
        if (counts.total == 0) {
            return;
        }
        onProgress.run();
        ExecutorService workers = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("enrich-", 1).daemon(true).factory());
        Semaphore inFlight = new Semaphore(threads * 2);
        Results results = new Results(counts);
        try {
            long after = 0;
            List<AssetRecord> page;
            while (!(page = store.toEnrich(collectionId, signature, all, after, PAGE)).isEmpty()) {
                for (AssetRecord asset : page) {
                    while (!inFlight.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                        results.take();
                    }
                    workers.execute(() -> {
                        try {
                            results.add(enrich(asset));
                        } finally {
                            inFlight.release();
                        }
                    });
                    results.take();
                    if (abandoned.get() >= ABANDONED_LIMIT) {
                        throw new RetrovueException(ErrorKind.EXTERNAL, abandoned.get() + " enricher calls ran past their time limit and were"
                                + " abandoned; enrichment stopped (what was enriched stays). Check the enrichers with `retrovue enricher list-types`");
                    }
                }
                after = page.getLast().id();
            }
            while (!inFlight.tryAcquire(threads * 2, 50, TimeUnit.MILLISECONDS)) {
                results.take();
            }
            results.take();
            results.commit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CollectionIngest.IngestInterrupted();
        } finally {
            workers.shutdownNow();
            results.keepWhatWasFinished();
        }
        results.warnWaiting();
    }

    /** One run's finished items: counted, their warnings passed on, written in batches. */
    private final class Results {
        private final EnrichmentCounts counts;
        private final BlockingQueue<Done> finished = new LinkedBlockingQueue<>();
        private final List<EnrichmentWrite> batch = new ArrayList<>(BATCH);
        /** How many items wait for each enricher that declined, and the first reason it gave. */
        private final Map<String, long[]> waitingFor = new LinkedHashMap<>();
        private final Map<String, String> waitingWhy = new LinkedHashMap<>();
        private long lastCommit = System.nanoTime();

        Results(EnrichmentCounts counts) {
            this.counts = counts;
        }

        /** From a worker: an item finished, or null when it was interrupted (not written: it stays to be enriched). */
        void add(Done done) {
            if (done != null) {
                finished.add(done);
            }
        }

        /** Takes the finished items; commits a batch when it is full or a second old. */
        void take() {
            Done done;
            boolean moved = false;
            while ((done = finished.poll()) != null) {
                batch.add(done.write());
                counts.done++;
                if (done.filled()) {
                    counts.filled++;
                }
                if (done.failed()) {
                    counts.failed++;
                }
                if (done.waiting()) {
                    counts.waiting++;
                }
                done.warnings().forEach(warnings);
                done.write().outcomes().forEach((id, outcome) -> {
                    if ("declined".equals(outcome.get("outcome"))) {
                        waitingFor.computeIfAbsent(id, k -> new long[1])[0]++;
                        waitingWhy.putIfAbsent(id, String.valueOf(outcome.get("reason")));
                    }
                });
                moved = true;
            }
            if (moved) {
                onProgress.run();
            }
            if (batch.size() >= BATCH || (!batch.isEmpty() && System.nanoTime() - lastCommit >= BATCH_NANOS)) {
                commit();
            }
        }

        void commit() {
            store.writeEnrichment(batch);
            batch.clear();
            lastCommit = System.nanoTime();
        }

        /** After a failure or an interrupt: what was finished is written, the first failure says why. */
        void keepWhatWasFinished() {
            if (!batch.isEmpty() || !finished.isEmpty()) {
                finished.forEach(done -> batch.add(done.write()));
                finished.clear();
                try {
                    commit();
                } catch (RuntimeException ignored) {
                    // the first failure says why
                }
            }
        }

        void warnWaiting() {
            waitingFor.forEach((id, n) -> warnings.accept(String.format(Locale.ROOT, "%,d item(s) wait for enricher '%s': %s", n[0], id,
                    waitingWhy.get(id))));
        }
    }

    /** One asset through the source's enrichers, in order; null when interrupted; never throws. */
    private Done enrich(AssetRecord asset) {
        Map<String, Map<String, Object>> outcomes = new LinkedHashMap<>();
        List<String> raised = new ArrayList<>();
        MediaFacts facts = MediaFacts.NONE;
        boolean declined = false;
        boolean failed = false;
        Path path;
        try {
            path = Path.of(asset.localPath());
        } catch (InvalidPathException e) {
            path = null;
        }
        ScannedItem item = item(asset);
        for (EnrichmentPlan.Step step : plan.steps()) {
            if (Thread.currentThread().isInterrupted()) {
                return null; // the run was stopped: whatever the enrichers said of this item is not kept
            }
            EnrichmentResult result;
            if (step.enricher() == null) {
                result = new EnrichmentResult.Declined("it is not installed; install its plugin or change the source's list with"
                        + " `retrovue source enrichers`");
            } else if (path == null) {
                result = new EnrichmentResult.Failed("its local path is not a valid path on this system");
            } else {
                result = call(step, new EnrichmentRequest(path, asset.size(), asset.modified() == null ? null : asset.modified().toInstant(),
                        item, facts));
            }
            String reason = null;
            String kind;
            switch (result) {
                case EnrichmentResult.Filled filled -> {
                    facts = filled.facts().mergedOver(facts);
                    kind = "filled";
                }
                case EnrichmentResult.Declined d -> {
                    declined = true;
                    kind = "declined";
                    reason = reason(d.reason());
                }
                case EnrichmentResult.Failed f -> {
                    failed = true;
                    kind = "failed";
                    reason = reason(f.reason());
                    raised.add("item " + asset.key() + ": enricher '" + step.id() + "' failed: " + reason);
                }
            }
            Map<String, Object> outcome = new LinkedHashMap<>();
            outcome.put("outcome", kind);
            outcome.put("reason", reason);
            outcome.put("version", step.signature().substring(step.id().length() + 1));
            outcomes.put(step.id(), outcome);
        }
        if (Thread.currentThread().isInterrupted()) {
            return null;
        }
        Instant now = clock.instant();
        EnrichmentWrite write = new EnrichmentWrite(asset.id(), MediaColumns.of(facts), declined, declined ? null : plan.signature(),
                asset.size(), asset.modified() == null ? null : asset.modified().toInstant(), now, outcomes);
        return new Done(write, !declined && !failed, failed, declined, raised);
    }

    /** One enricher on one item under its deadline: an enricher that throws or outlives the deadline has failed. */
    private EnrichmentResult call(EnrichmentPlan.Step step, EnrichmentRequest request) {
        Duration limit = limit(request);
        Instant deadline = clock.instant().plus(limit);
        Context context = new Context(clock, System.getLogger("org.retrovue.enricher." + step.id()), deadline, step.options());
        Future<EnrichmentResult> future = CALLS.submit(() -> step.enricher().enrich(request, context));
        try {
            EnrichmentResult result = future.get(limit.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
            return result == null ? new EnrichmentResult.Failed("the enricher gave no answer") : result;
        } catch (TimeoutException e) {
            future.cancel(true);
            abandoned.incrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "enricher {0} ran past its time limit on {1}; abandoned", step.id(), request.path());
            return new EnrichmentResult.Failed("timed out after " + limit.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            LOG.log(System.Logger.Level.DEBUG, "enricher " + step.id() + " threw", cause);
            return new EnrichmentResult.Failed("the enricher failed unexpectedly (" + cause.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return new EnrichmentResult.Failed("interrupted"); // never kept: the item is dropped (enrich)
        }
    }

    /**
     * The time one enricher has for one item: the base limit, plus 3 s per minute of running time once it is known
     * (measured by an enricher before, or reported by the source): an enricher that decodes the whole file
     * (loudness) needs time in proportion to it, 40 s to 2 minutes for a two-hour film here. At most an hour.
     */
    private Duration limit(EnrichmentRequest request) {
        Long known = request.known().durationMillis() != null ? request.known().durationMillis() : request.item().durationMillis();
        Duration extra = known == null || known <= 0 ? Duration.ZERO : Duration.ofMillis(known / 20);
        Duration limit = perItem.plus(extra);
        return limit.compareTo(MAX_LIMIT) > 0 ? MAX_LIMIT : limit;
    }

    /** A plugin's reason as stored: one line, of bounded length. */
    private static String reason(String text) {
        String line = text == null || text.isBlank() ? "no reason given" : text.strip().replaceAll("\\s*\\R\\s*", " ");
        return line.length() <= REASON_LENGTH ? line : line.substring(0, REASON_LENGTH - 3) + "...";
    }

    /** What the scan knew of the item, as the enricher receives it. */
    private static ScannedItem item(AssetRecord asset) {
        ItemKind kind;
        try {
            kind = ItemKind.valueOf(asset.kind().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            kind = ItemKind.OTHER;
        }
        ExtraType extra = null;
        if (kind == ItemKind.EXTRA && asset.extraType() != null) {
            try {
                extra = ExtraType.valueOf(asset.extraType().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                extra = ExtraType.OTHER;
            }
        }
        return new ScannedItem(asset.key(), asset.remotePath(), asset.size(), asset.modified() == null ? null : asset.modified().toInstant(),
                asset.durationMillis(), asset.title(), kind, asset.show(), asset.season(), asset.episode(), asset.version(), asset.year(),
                asset.episodeEnd(), asset.airDate(), asset.providerIds(), extra);
    }

    private record Context(Clock clock, System.Logger logger, Instant deadline, Map<String, String> options) implements EnrichmentContext {}
}
