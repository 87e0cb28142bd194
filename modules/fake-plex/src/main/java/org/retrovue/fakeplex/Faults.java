package org.retrovue.fakeplex;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The misbehaviour a running server is switched to, checked on every request, changeable at any time from any
 * thread. In order: latency delays every answer; a stalled server accepts requests and answers none until it is
 * closed; a dropping server sends headers promising more body than it writes, then closes the connection; a failing
 * one answers 500. The identity switch makes {@code /identity} answer like a server that is not Plex.
 */
public final class Faults {
    /** How {@code /identity} answers: as Plex, with a 404, or with some other web server's page. */
    public enum Identity { PLEX, NOT_FOUND, WEB_PAGE }

    private volatile long latencyMillis;
    private volatile double failureRate;
    private volatile boolean stall;
    private volatile boolean dropConnections;
    private volatile Identity identity = Identity.PLEX;
    private final AtomicInteger failNext = new AtomicInteger();

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

    /** Whether this request fails: one of the next {@code n}, or picked at the failure rate. */
    boolean takeFailure() {
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return true;
        }
        double rate = failureRate;
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    }
}
