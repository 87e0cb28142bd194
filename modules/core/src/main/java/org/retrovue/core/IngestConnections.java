package org.retrovue.core;

import java.util.ArrayDeque;
import java.util.Deque;
import org.retrovue.persistence.AssetStore;
import org.retrovue.persistence.DatabaseTarget;

/**
 * Ingest connections kept between the ingests of one session (the shell, the resident process): opening one costs
 * ~25 ms (authentication and a new server process), a fifth of a no-change rescan. One is handed out only after it
 * answered and let go of every lock; one that served a failed or interrupted ingest is closed instead.
 */
final class IngestConnections implements AutoCloseable {
    private static final int KEPT = 2;

    private final Deque<AssetStore> idle = new ArrayDeque<>();

    AssetStore take(DatabaseTarget target, String applicationName) {
        while (true) {
            AssetStore kept;
            synchronized (this) {
                kept = idle.poll();
            }
            if (kept == null) {
                return AssetStore.open(target, applicationName);
            }
            if (kept.target().equals(target) && kept.reusable()) {
                return kept;
            }
            kept.close();
        }
    }

    void giveBack(AssetStore store, boolean clean) {
        synchronized (this) {
            if (clean && idle.size() < KEPT) {
                idle.push(store);
                return;
            }
        }
        store.close();
    }

    @Override
    public synchronized void close() {
        for (AssetStore store = idle.poll(); store != null; store = idle.poll()) {
            store.close();
        }
    }
}
