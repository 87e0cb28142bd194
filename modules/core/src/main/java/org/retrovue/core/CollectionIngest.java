package org.retrovue.core;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.retrovue.persistence.AssetRow;
import org.retrovue.persistence.AssetStore;
import org.retrovue.persistence.CollectionRecord;
import org.retrovue.persistence.KnownAsset;
import org.retrovue.spi.ScanSink;
import org.retrovue.spi.ScannedItem;

/**
 * One collection's ingest, fed item by item by its plugin's scan: compares each item with what is stored, writes
 * new, changed and reappeared items in batches (one transaction each), and at the end marks the items that were
 * not seen missing. A written item's remote path is translated through the collection's path mappings and the
 * local file checked: an item whose file is not here is stored, flagged. An unchanged item (same size and time, and
 * the same {@link ItemDigest} of its other values: path, title, version ...) is not rewritten, unless it is flagged
 * and its file is here now. With {@code dryRun} it counts and writes nothing;
 * with {@code full} every item is looked at whole and compared with what is stored, and only what differs is
 * written.
 */
final class CollectionIngest implements ScanSink {
    static final int BATCH = 1000;
    private static final int PROGRESS_EVERY = 500;

    private final CollectionRecord collection;
    private final AssetStore store;
    private final Clock clock;
    private final boolean dryRun;
    private final boolean full;
    /** The plugin found the files on this disk itself (SourceConnection.findsLocalFiles): no second look. */
    private final boolean localFiles;
    private final FileLookup files = new FileLookup();
    private final PathMappings.Translator mappings;
    /**
     * The stored items, read on another thread from the scan's first item on (a source unchanged since the last
     * ingest lists none, and they are never read); items that come meanwhile wait in {@link #early}.
     */
    private CompletableFuture<Map<String, KnownAsset>> loading;
    private Map<String, KnownAsset> known;
    private List<ScannedItem> early = new ArrayList<>();
    private final IngestCounts counts = new IngestCounts();
    /** Items to write: changed or reappeared ones (upserted), and new ones (inserted, the cheaper write). */
    private List<AssetRow> pending = new ArrayList<>(BATCH);
    private List<AssetRow> pendingNew = new ArrayList<>(BATCH);
    /** Put in place of a stored item's entry once the scan reported it, so a second report of it is ignored. */
    private static final KnownAsset SEEN = new KnownAsset(-1, KnownAsset.NO_TIME, KnownAsset.NO_DIGEST, false, false, null);
    private BatchWriter writer;
    /** A plugin's words made fit to show: one line, its source's secrets masked (PluginWords). */
    private final CappedWarnings warnings;
    private final java.util.function.Consumer<IngestCounts> onProgress;

    CollectionIngest(CollectionRecord collection, AssetStore store, Clock clock, boolean dryRun, boolean full, boolean localFiles,
                     java.util.function.Consumer<IngestCounts> onProgress, java.util.function.UnaryOperator<String> pluginWords) {
        this.warnings = new CappedWarnings(counts, pluginWords);
        this.localFiles = localFiles;
        this.collection = collection;
        this.mappings = new PathMappings.Translator(collection.pathMappings());
        this.store = store;
        this.clock = clock;
        this.dryRun = dryRun;
        this.full = full;
        this.onProgress = onProgress;
    }

    private void startLoading() {
        if (loading == null) {
            loading = CompletableFuture.supplyAsync(() -> store.known(collection.id(), full),
                    runnable -> Thread.ofPlatform().name("ingest-known").daemon(true).start(runnable));
        }
    }

    /** The stored items, once they are read; the items that came meanwhile are taken in first. */
    private Map<String, KnownAsset> known() {
        if (known == null) {
            startLoading();
            try {
                known = loading.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
            List<ScannedItem> waiting = early;
            early = null;
            for (ScannedItem item : waiting) {
                take(item);
            }
        }
        return known;
    }

    IngestCounts counts() {
        return counts;
    }

    List<String> warnings() {
        return warnings.kept();
    }

    @Override
    public void item(ScannedItem item) {
        if (Thread.currentThread().isInterrupted()) {
            throw new IngestInterrupted();
        }
        if (known == null) {
            startLoading();
            if (!loading.isDone()) {
                early.add(item);
                return;
            }
        }
        known();
        take(item);
    }

    private void take(ScannedItem item) {
        String refused = refusal(item);
        if (refused != null) {
            warning("item " + shortened(item.key()) + " not stored: " + refused);
            return;
        }
        KnownAsset before = known.put(item.key(), SEEN); // one hash lookup: what was stored, and that it is seen now
        if (before == SEEN) {
            // reported twice (a library that changed between pages): written once, and said
            warning("item " + shortened(item.key()) + " was reported twice by the source; stored once");
            return;
        }
        counts.seen++;
        Instant modified = item.modified() == null ? null : item.modified().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
        long digest = ItemDigest.of(item);
        if (before == null) {
            counts.added++;
            pendingNew.add(row(item, modified, digest));
            if (pendingNew.size() >= BATCH) {
                pendingNew = flush(pendingNew, true);
            }
            progress();
            return;
        }
        AssetRow row = null;
        if (!before.present()) {
            counts.reappeared++;
        } else if (full) {
            row = row(item, modified, digest);
            if (row.equals(before.stored())) {
                counts.unchanged++;
                progress();
                return;
            }
            counts.changed++;
        } else if (before.size() == item.size() && before.modifiedMicros() == micros(modified) && before.digest() == digest) {
            // the item is the same; a file not found here before is looked for again (the mount may be back)
            row = before.fileFound() ? null : row(item, modified, digest);
            if (row == null || !Boolean.TRUE.equals(row.filePresent())) {
                counts.unchanged++;
                progress();
                return;
            }
            counts.changed++;
        } else {
            counts.changed++;
        }
        pending.add(row != null ? row : row(item, modified, digest));
        if (pending.size() >= BATCH) {
            pending = flush(pending, false);
        }
        progress();
    }

    @Override
    public void expect(long total) {
        counts.expected = total < 0 ? -1 : total;
    }

    @Override
    public void warning(String message) {
        warnings.accept(message);
    }

    /** Hands a batch to the writer thread; returns the list to fill next. */
    private List<AssetRow> flush(List<AssetRow> rows, boolean fresh) {
        if (!dryRun && !rows.isEmpty()) {
            if (writer == null) {
                writer = new BatchWriter(store, collection.id(), clock);
            }
            writer.submit(new BatchWriter.Batch(rows, fresh));
        }
        return rows.isEmpty() ? rows : new ArrayList<>(BATCH);
    }

    /**
     * Writes what is pending and waits for every batch to be committed; called at the end of a scan, and after a
     * failure (what was seen stays).
     */
    void finishWrites() {
        try {
            if (loading != null) {
                known(); // the items that came while the stored ones were read
            }
            pendingNew = flush(pendingNew, true);
            pending = flush(pending, false);
        } finally {
            if (writer != null) {
                writer.finish();
                writer = null;
            }
        }
    }

    /** After a complete scan: the present items that were not seen are missing now. */
    void markUnseenMissing() {
        List<String> gone = new ArrayList<>();
        for (Map.Entry<String, KnownAsset> entry : known().entrySet()) {
            if (entry.getValue() != SEEN && entry.getValue().present()) {
                gone.add(entry.getKey());
            }
        }
        counts.missing = gone.size();
        if (dryRun) {
            return;
        }
        for (int from = 0; from < gone.size(); from += BATCH) {
            store.markMissing(collection.id(), gone.subList(from, Math.min(gone.size(), from + BATCH)), Instant.now(clock));
        }
    }

    /**
     * When the source listed nothing (unchanged since the last ingest): the present items whose file was not found
     * here are looked for again, and those found are written so (counted changed).
     */
    void lookForFilesNotFound() {
        Map<String, String> found = new java.util.HashMap<>();
        for (Map.Entry<String, String> item : store.withoutFile(collection.id()).entrySet()) {
            LocalFile file = localFile(item.getValue(), false);
            if (Boolean.TRUE.equals(file.present())) {
                found.put(item.getKey(), file.path());
            } else {
                counts.flagged++;
            }
        }
        counts.changed += found.size();
        if (!dryRun) {
            store.markFileFound(collection.id(), found, Instant.now(clock));
        }
    }

    private void progress() {
        if (counts.seen % PROGRESS_EVERY == 0) {
            onProgress.accept(counts);
        }
    }

    /**
     * Why PostgreSQL would refuse an item, or null: text holding a NUL character or half of a surrogate pair (no
     * valid UTF-8), or longer than anything a filesystem or server really has. Checked here, one item at a time,
     * so that one such item is a warning instead of the failure of its whole batch.
     */
    static String refusal(ScannedItem item) {
        if (item.key().isEmpty()) {
            return "its key is empty";
        }
        if (!suspect(item.key()) && !suspect(item.remotePath()) && !suspect(item.title()) && !suspect(item.show())
                && !suspect(item.version()) && (item.providerIds().isEmpty() || !suspect(item.providerIds()))) {
            return null; // every item goes through here: one tight loop per field, no allocation (ADR 0007)
        }
        String[][] fields = {{"key", item.key()}, {"path", item.remotePath()}, {"title", item.title()}, {"show", item.show()},
                {"version", item.version()}};
        for (String[] field : fields) {
            String why = refusal(field[1]);
            if (why != null) {
                return "its " + field[0] + why;
            }
        }
        for (Map.Entry<String, String> id : item.providerIds().entrySet()) {
            String why = refusal(id.getKey());
            why = why != null ? why : refusal(id.getValue());
            if (why != null) {
                return "its provider id " + shortened(id.getKey()) + why;
            }
        }
        return null;
    }

    private static boolean suspect(Map<String, String> providerIds) {
        for (Map.Entry<String, String> id : providerIds.entrySet()) {
            if (suspect(id.getKey()) || suspect(id.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code value} may be refused: too long, or holding a NUL or any surrogate (paired ones are fine). */
    private static boolean suspect(String value) {
        if (value == null) {
            return false;
        }
        int length = value.length();
        if (length > MAX_TEXT) {
            return true;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c == 0 || (char) (c - Character.MIN_SURROGATE) < SURROGATES) {
                return true;
            }
        }
        return false;
    }

    private static final int SURROGATES = Character.MAX_SURROGATE - Character.MIN_SURROGATE + 1;

    /** What is wrong with one suspect value, after "its FIELD", or null. */
    private static String refusal(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            return " is " + String.format(Locale.ROOT, "%,d", value.length()) + " characters long (at most "
                    + String.format(Locale.ROOT, "%,d", MAX_TEXT) + ")";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return " holds a NUL character";
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    return " is not valid Unicode (a lone surrogate)";
                }
            }
        }
        return null;
    }

    /** The longest key, path or title stored: far beyond Linux's 4,096-byte paths, far below what would hurt. */
    static final int MAX_TEXT = 32_768;

    private static String shortened(String key) {
        String safe = key.replace('\0', ' ');
        return safe.length() <= 120 ? safe : safe.substring(0, 60) + "..." + safe.substring(safe.length() - 57);
    }

    private static long micros(Instant time) {
        return time == null ? KnownAsset.NO_TIME : time.getEpochSecond() * 1_000_000 + time.getNano() / 1_000;
    }

    private AssetRow row(ScannedItem item, Instant modified, long digest) {
        LocalFile file = localFile(item.remotePath(), localFiles);
        if (!Boolean.TRUE.equals(file.present())) {
            counts.flagged++;
        }
        return new AssetRow(item.key(), item.remotePath(), file.path(), file.present(), item.size(), modified, item.durationMillis(),
                item.title(), item.kind().name().toLowerCase(Locale.ROOT),
                item.extraType() == null ? null : item.extraType().name().toLowerCase(Locale.ROOT), item.show(), item.season(), item.episode(), item.version(),
                item.year(), item.episodeEnd(), item.airDate(), item.providerIds(), digest);
    }

    /** Where an item's file is here (null: no mapping, and not a local path), and whether it is there (null: not looked for). */
    private record LocalFile(String path, Boolean present) {}

    /** {@code justFound}: the scan found the file on this disk itself (a directory walk), so it is there. */
    private LocalFile localFile(String remotePath, boolean justFound) {
        Optional<String> mapped = mappings.translate(remotePath);
        if (mapped.isEmpty() && justFound) {
            return new LocalFile(remotePath, true);
        }
        String local = mapped.orElse(remotePath.startsWith("/") ? remotePath : null);
        return new LocalFile(local, local == null ? null : files.exists(local));
    }

    /** Thrown from the sink when the ingest was interrupted (Ctrl-C in the shell), to stop the plugin's scan. */
    static final class IngestInterrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        IngestInterrupted() {
            super("interrupted", null, false, false);
        }
    }
}
