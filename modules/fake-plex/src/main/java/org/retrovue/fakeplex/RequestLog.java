package org.retrovue.fakeplex;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The latest requests ({@value #KEPT} at most, so a long benchmark does not grow it) and how many came in all. */
final class RequestLog {
    static final int KEPT = 10_000;

    private final Deque<RecordedRequest> latest = new ArrayDeque<>();
    private long count;

    synchronized void add(RecordedRequest request) {
        if (latest.size() == KEPT) {
            latest.removeFirst();
        }
        latest.addLast(request);
        count++;
    }

    synchronized List<RecordedRequest> latest() {
        return List.copyOf(latest);
    }

    synchronized long count() {
        return count;
    }
}
