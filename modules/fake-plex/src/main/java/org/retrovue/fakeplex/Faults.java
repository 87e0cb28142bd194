package org.retrovue.fakeplex;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The misbehaviour a running server is switched to, checked on every request, changeable at any time from any
 * thread. In order: latency delays every answer; a stalled server accepts requests and answers none until it is
 * closed; a redirecting one answers 302 to another address; a dropping server sends headers promising more body than
 * it writes, then closes the connection; a failing one answers 500. The identity switch makes {@code /identity}
 * answer like a server that is not Plex. A body stall sends the headers and half the answer, then nothing more.
 * The paging faults change item listings ({@code /library/sections/{key}/all}): serving fewer items than the
 * {@code totalSize} announced, ignoring paging altogether, announcing a total that changes with every page, capping pages, padding
 * every item so pages grow large.
 */
public final class Faults {
    /** How {@code /identity} answers: as Plex, with a 404, or with some other web server's page. */
    public enum Identity { PLEX, NOT_FOUND, WEB_PAGE }

    /**
     * How an answer's body stalls: not at all; silently after half of it (until the server closes); or after half
     * of it, then one space every 200 ms (which keeps the answer unfinished forever, and tells the server when the
     * client has hung up: see {@link FakePlexServer#abandonedAnswers()}).
     */
    public enum BodyStall { NONE, SILENT, TRICKLE }

    private volatile long latencyMillis;
    private volatile double failureRate;
    private volatile boolean stall;
    private volatile boolean dropConnections;
    private volatile Identity identity = Identity.PLEX;
    private volatile BodyStall bodyStall = BodyStall.NONE;
    private volatile String bodyStallPrefix = "/";
    private volatile int pageCap = Integer.MAX_VALUE;
    private volatile int itemsServed = -1;
    private volatile boolean ignorePaging;
    private volatile int totalChange;
    private volatile int itemPadding;
    private volatile boolean pagesNotJson;
    private volatile int repeatedItem = -1;
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger redirectNext = new AtomicInteger();
    private volatile String redirectTo;

    public Faults setLatency(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency cannot be negative: " + latency);
        }
        latencyMillis = latency.toMillis();
        return this;
    }

    /** The next {@code count} requests answer 500, whatever the failure rate. */
    public Faults failNext(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count cannot be negative: " + count);
        }
        failNext.set(count);
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

    /**
     * The next {@code count} requests answer {@code 302 Found} with {@code Location: targetBase} followed by the
     * request's path and query ({@code targetBase} being e.g. another server's {@code http://127.0.0.1:PORT}).
     */
    public Faults redirectNext(int count, String targetBase) {
        if (count < 0) {
            throw new IllegalArgumentException("count cannot be negative: " + count);
        }
        redirectTo = targetBase;
        redirectNext.set(count);
        return this;
    }

    /** Every answer's body stalls so. */
    public Faults setBodyStall(BodyStall stall) {
        return setBodyStall(stall, "/");
    }

    /** The bodies of answers to paths that start with {@code pathPrefix} (e.g. {@code /library/sections/}) stall so. */
    public Faults setBodyStall(BodyStall stall, String pathPrefix) {
        this.bodyStallPrefix = pathPrefix;
        this.bodyStall = stall;
        return this;
    }

    /**
     * Item listings hold at most the first {@code count} items (a page across that point is short, later pages are
     * empty) while {@code totalSize} still announces them all; -1 (the default) serves everything.
     */
    public Faults setItemsServed(int count) {
        if (count < -1) {
            throw new IllegalArgumentException("count must be -1 or more: " + count);
        }
        this.itemsServed = count;
        return this;
    }

    /** Item listings answer every item from the first, whatever start and size were asked, with no totalSize. */
    public Faults setIgnorePaging(boolean ignore) {
        this.ignorePaging = ignore;
        return this;
    }

    /**
     * Every item listing announces a {@code totalSize} {@code change} items larger (or smaller, when negative) than
     * the previous one did, starting from the true count, and serves generated items up to it: a library that never
     * ends, or one that shrinks while it is listed. 0 switches it off.
     */
    public Faults setTotalChange(int change) {
        this.totalChange = change;
        return this;
    }

    /**
     * Item listings report the item at {@code position} (0-based, in listing order) twice in a row, counted in
     * {@code totalSize}, as a server does whose order shifts while it is paged: when {@code position} is the last of
     * a page, the next page starts with it again. -1 (the default) switches it off.
     */
    public Faults setRepeatedItem(int position) {
        if (position < -1) {
            throw new IllegalArgumentException("position must be -1 or more: " + position);
        }
        this.repeatedItem = position;
        return this;
    }

    /** Item listings answer at most {@code cap} items per page, whatever size was asked for (as some servers do). */
    public Faults setPageCap(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("the page cap must be at least 1: " + cap);
        }
        this.pageCap = cap;
        return this;
    }

    /** Item pages ({@code /library/sections/KEY/all}) answer 200 with an HTML page, as a proxy's error page may. */
    public Faults setPagesNotJson(boolean notJson) {
        this.pagesNotJson = notJson;
        return this;
    }

    boolean pagesNotJson() {
        return pagesNotJson;
    }

    /** Every listed item carries a {@code summary} of {@code bytes} characters, so that pages grow large. */
    public Faults setItemPadding(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("padding cannot be negative: " + bytes);
        }
        this.itemPadding = bytes;
        return this;
    }

    public Faults setIdentity(Identity identity) {
        this.identity = identity;
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

    /** How the body of an answer to {@code path} stalls. */
    BodyStall bodyStall(String path) {
        BodyStall stall = bodyStall;
        return stall != BodyStall.NONE && path.startsWith(bodyStallPrefix) ? stall : BodyStall.NONE;
    }

    int pageCap() {
        return pageCap;
    }

    int itemsServed() {
        return itemsServed;
    }

    boolean ignorePaging() {
        return ignorePaging;
    }

    int totalChange() {
        return totalChange;
    }

    int repeatedItem() {
        return repeatedItem;
    }

    int itemPadding() {
        return itemPadding;
    }

    /** Where this request is redirected to (a base URL), or null when it is not. */
    String takeRedirect() {
        String target = redirectTo;
        return target != null && redirectNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? target : null;
    }

    /** Whether this request fails: one of the next {@code n}, or picked at the failure rate. */
    boolean takeFailure() {
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return true;
        }
        double rate = failureRate;
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    }
}
