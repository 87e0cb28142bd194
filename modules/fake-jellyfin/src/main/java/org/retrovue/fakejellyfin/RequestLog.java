package org.retrovue.fakejellyfin;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/** The latest requests (each also handed to a listener) ({@value #KEPT} at most, so a long benchmark does not grow it) and how many came in all. */
final class RequestLog {
    static final int KEPT = 10_000;

    private final Deque<RecordedRequest> latest = new ArrayDeque<>();
    private long count;
    private final Consumer<RecordedRequest> listener;

    RequestLog(Consumer<RecordedRequest> listener) {
        this.listener = listener;
    }

    synchronized void add(RecordedRequest request) {
        if (latest.size() == KEPT) {
            latest.removeFirst();
        }
        latest.addLast(request);
        count++;
        listener.accept(request);
    }

    synchronized List<RecordedRequest> latest() {
        return List.copyOf(latest);
    }

    synchronized long count() {
        return count;
    }
}
