package org.retrovue.fakeplex;

/** How many requests are being answered now, and the most that were at once: proof that a client sent pages side by side. */
final class InFlight {
    private int now;
    private int most;

    synchronized void begin() {
        now++;
        most = Math.max(most, now);
    }

    synchronized void end() {
        now--;
    }

    synchronized int most() {
        return most;
    }

    synchronized void reset() {
        most = now;
    }
}
