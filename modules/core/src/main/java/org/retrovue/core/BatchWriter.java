package org.retrovue.core;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.retrovue.persistence.AssetRow;
import org.retrovue.persistence.AssetStore;

/**
 * Writes an ingest's batches on a thread of its own, so the scan goes on while PostgreSQL takes the previous
 * batch; at most two batches wait, which bounds memory. Batches are written in order, each in its own
 * transaction. A write that fails stops the writer; the failure comes back from the next {@link #submit} or from
 * {@link #finish}.
 */
final class BatchWriter {
    /** Rows to write; {@code fresh} when none of them is stored yet (they are inserted, not upserted). */
    record Batch(List<AssetRow> rows, boolean fresh) {}

    private static final Batch END = new Batch(List.of(), false);

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(2);
    private final Thread thread;
    private volatile RuntimeException failure;

    BatchWriter(AssetStore store, UUID collectionId, Clock clock) {
        thread = Thread.ofPlatform().name("ingest-writer").daemon(true).start(() -> {
            try {
                for (Batch batch = queue.take(); batch != END; batch = queue.take()) {
                    if (failure == null) {
                        try {
                            if (batch.fresh()) {
                                store.insert(collectionId, batch.rows(), Instant.now(clock));
                            } else {
                                store.write(collectionId, batch.rows(), Instant.now(clock));
                            }
                        } catch (RuntimeException e) {
                            failure = e;
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    void submit(Batch batch) {
        rethrow();
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CollectionIngest.IngestInterrupted();
        }
    }

    /** Waits until every submitted batch is written (or the writer failed), then reports a failure. */
    void finish() {
        boolean interrupted = false; // the batches already handed over are written all the same
        boolean ended = false;
        while (!ended) {
            try {
                queue.put(END);
                ended = true;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        rethrow();
    }

    private void rethrow() {
        if (failure != null) {
            throw failure;
        }
    }
}
