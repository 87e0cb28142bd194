package org.retrovue.fakejellyfin;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The misbehaviour a running server is switched to, checked on every request, changeable at any time from any
 * thread. In order: latency delays every answer; a stalled server accepts requests and answers none until it is
 * closed; a dropping server sends headers promising more body than it writes, then closes the connection; a failing
 * one answers 500 (or the status {@link #failNext(int, int)} was given). The identity switch makes the server answer
 * like something that is not Jellyfin or Emby. A body stall sends the headers and part of the answer, then nothing
 * more. The paging faults change item listings ({@code /Items}): a {@code TotalRecordCount} that changes with every
 * page, an item reported twice, fewer items than announced, a cap on the page size.
 */
public final class Faults {
    /**
     * What the server is: itself; a web server's page for every path (200, HTML); or a Plex server (Plex's XML at
     * {@code /identity}, its 401 page everywhere else).
     */
    public enum Identity { SERVER, WEB_PAGE, PLEX }

    /**
     * How an answer's body stalls: not at all; silently after its first part (until the server closes); or after
     * its first part, then one space every 200 ms (which keeps the answer unfinished forever, and tells the server
     * when the client has hung up: see {@link FakeJellyfinServer#abandonedAnswers()}).
     */
    public enum BodyStall { NONE, SILENT, TRICKLE }

    private volatile long latencyMillis;
    private volatile double failureRate;
    private volatile boolean stall;
    private volatile boolean dropConnections;
    private volatile Identity identity = Identity.SERVER;
    private volatile BodyStall bodyStall = BodyStall.NONE;
    private volatile int totalChange;
    private volatile int repeatedItem = -1;
    private volatile int itemsServed = -1;
    private volatile int pageCap = Integer.MAX_VALUE;
    private volatile boolean pagesNotJson;
    /** The failures still to come (low 32 bits) and their status (high 32 bits), swapped in one step. */
    private final AtomicLong failNext = new AtomicLong();

    public Faults setLatency(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency cannot be negative: " + latency);
        }
        latencyMillis = latency.toMillis();
        return this;
    }

    /** The next {@code count} requests answer 500, whatever the failure rate. */
    public Faults failNext(int count) {
        return failNext(count, 500);
    }

    /** The next {@code count} requests answer {@code status} (e.g. 502, 503), whatever the failure rate. */
    public Faults failNext(int count, int status) {
        if (count < 0) {
            throw new IllegalArgumentException("count cannot be negative: " + count);
        }
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a failure is a 4xx or 5xx status: " + status);
        }
        failNext.set(((long) status << 32) | count);
        return this;
    }

    /** The share of requests, 0 to 1, that answer 500 at random. */
    public Faults setFailureRate(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("failure rate must be between 0 and 1: " + rate);
        }
        failureRate = rate;
        return this;
    }

    /**
     * Requests received while stalling wait until the server closes, even if stalling is switched off meanwhile;
     * each holds one of the server's handler threads, so later requests queue behind them.
     */
    public Faults setStall(boolean stall) {
        this.stall = stall;
        return this;
    }

    public Faults setDropConnections(boolean drop) {
        this.dropConnections = drop;
        return this;
    }

    public Faults setIdentity(Identity identity) {
        this.identity = identity;
        return this;
    }

    /** Every item page ({@code /Items}) stalls so after half its items. */
    public Faults setBodyStall(BodyStall stall) {
        this.bodyStall = stall;
        return this;
    }

    /**
     * Every item page announces a {@code TotalRecordCount} {@code change} items larger (or smaller, when negative)
     * than the previous page did, starting from the true count; the items served stay the true ones. 0 switches it
     * off.
     */
    public Faults setTotalChange(int change) {
        this.totalChange = change;
        return this;
    }

    /**
     * Item listings report the item at {@code position} (0-based, in listing order) twice in a row, counted in the
     * total, as a server does whose order shifts while it is paged: when {@code position} is the last of a page, the
     * next page starts with it again. -1 (the default) switches it off.
     */
    public Faults setRepeatedItem(int position) {
        if (position < -1) {
            throw new IllegalArgumentException("position must be -1 or more: " + position);
        }
        this.repeatedItem = position;
        return this;
    }

    /**
     * Item listings hold at most the first {@code count} items (a page across that point is short, later pages are
     * empty) while {@code TotalRecordCount} still announces them all; -1 (the default) serves everything.
     */
    public Faults setItemsServed(int count) {
        if (count < -1) {
            throw new IllegalArgumentException("count must be -1 or more: " + count);
        }
        this.itemsServed = count;
        return this;
    }

    /** Item listings ({@code /Items}) answer 200 with an HTML page, as a proxy's error page may. */
    public Faults setPagesNotJson(boolean notJson) {
        this.pagesNotJson = notJson;
        return this;
    }

    boolean pagesNotJson() {
        return pagesNotJson;
    }

    /** Item pages hold at most {@code cap} items, whatever {@code Limit} asked for. */
    public Faults setPageCap(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("the page cap must be at least 1: " + cap);
        }
        this.pageCap = cap;
        return this;
    }

    long latencyMillis() {
        return latencyMillis;
    }

    boolean stall() {
        return stall;
    }

    boolean dropConnections() {
        return dropConnections;
    }

    Identity identity() {
        return identity;
    }

    BodyStall bodyStall() {
        return bodyStall;
    }

    int totalChange() {
        return totalChange;
    }

    int repeatedItem() {
        return repeatedItem;
    }

    int itemsServed() {
        return itemsServed;
    }

    int pageCap() {
        return pageCap;
    }

    /** The status this request fails with: one of the next {@code n}, or picked at the failure rate; 0 when it does not fail. */
    int takeFailure() {
        long before = failNext.getAndUpdate(packed -> (int) packed > 0 ? packed - 1 : packed);
        if ((int) before > 0) {
            return (int) (before >>> 32);
        }
        double rate = failureRate;
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate ? 500 : 0;
    }
}
