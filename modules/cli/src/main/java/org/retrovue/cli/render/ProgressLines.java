package org.retrovue.cli.render;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.retrovue.core.IngestCounts;
import org.retrovue.core.IngestProgress;
import org.retrovue.core.IngestReport;

/**
 * A live line per source on a terminal while an ingest runs (items seen, new, changed, missing, rate; with the
 * share done and the time left when the scan said how many items to expect), redrawn
 * in place at most five times a second with ANSI cursor movement, and erased at the end so the summary follows.
 * Only for a terminal: without one, the ingest prints no escape codes at all.
 */
public final class ProgressLines implements IngestProgress {
    private static final long REDRAW_NANOS = 200_000_000L;

    private record Line(String collection, IngestCounts counts, long startNanos) {}

    private final PrintWriter err;
    private final LongSupplier nanos;
    private final Map<String, Line> lines = new LinkedHashMap<>();
    private int drawn;
    private long lastDraw;

    public ProgressLines(PrintWriter err) {
        this(err, System::nanoTime);
    }

    /** {@code nanos}: the monotonic clock the rate and the time left are measured with. */
    public ProgressLines(PrintWriter err, LongSupplier nanos) {
        this.err = err;
        this.nanos = nanos;
    }

    @Override
    public synchronized void started(String source, String collection, IngestCounts counts) {
        lines.put(source, new Line(collection, counts, nanos.getAsLong()));
        draw(true);
    }

    @Override
    public synchronized void advanced(String source, String collection, IngestCounts counts) {
        draw(false);
    }

    @Override
    public synchronized void finished(IngestReport.CollectionReport report) {
        lines.remove(report.source());
        draw(true);
    }

    /** Erases the lines; call before printing anything else. */
    public synchronized void clear() {
        erase();
        err.flush();
    }

    private void draw(boolean now) {
        long time = nanos.getAsLong();
        if (!now && time - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = time;
        erase();
        for (Map.Entry<String, Line> entry : lines.entrySet()) {
            Line line = entry.getValue();
            IngestCounts c = line.counts();
            err.print(Text.escape(entry.getKey()) + "/" + Text.escape(line.collection()) + ": "
                    + (c.enrichment().total() > 0 ? enriching(c.enrichment().done(), c.enrichment().total(), c.enrichment().failed(), c.enrichment().waiting())
                    : describe(c.seen(), c.added(), c.changed() + c.reappeared(), c.missing(), c.expected(), time - line.startNanos())) + "\n");
        }
        drawn = lines.size();
        err.flush();
    }

    /**
     * One line's counts: {@code 1,200 seen, 3 new, 0 changed, 0 missing, 600 items/s}; when {@code expected} is
     * known, led by the share done and followed by the time left at the rate so far ({@code 40% of 3,000 ... left
     * ~0:03}).
     */
    static String describe(long seen, long added, long changed, long missing, long expected, long elapsedNanos) {
        double seconds = Math.max(0.001, elapsedNanos / 1e9);
        double rate = seen / seconds;
        String counts = String.format(Locale.ROOT, "%,d seen, %,d new, %,d changed, %,d missing, %,.0f items/s", seen, added, changed, missing, rate);
        if (expected <= 0) {
            return counts;
        }
        long percent = Math.min(100, seen * 100 / expected);
        String left = seen == 0 || rate <= 0 ? "?" : duration((long) Math.ceil(Math.max(0, expected - seen) / rate));
        return String.format(Locale.ROOT, "%d%% of %,d, ", percent, expected) + counts + ", left ~" + left;
    }

    /** Once the scan is done and enrichment runs: {@code enriching 40% (120 of 300), 2 failed, 5 waiting}. */
    static String enriching(long done, long total, long failed, long waiting) {
        return String.format(Locale.ROOT, "enriching %d%% (%,d of %,d)", Math.min(100, done * 100 / Math.max(1, total)), done, total)
                + (failed > 0 ? String.format(Locale.ROOT, ", %,d failed", failed) : "")
                + (waiting > 0 ? String.format(Locale.ROOT, ", %,d waiting", waiting) : "");
    }

    /** {@code 1:05}, or {@code 2:03:07} from an hour on. */
    private static String duration(long seconds) {
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", minutes, seconds % 60);
    }

    private void erase() {
        for (int i = 0; i < drawn; i++) {
            err.print("\u001b[1F\u001b[2K"); // up one line, to its start, and clear it
        }
        drawn = 0;
    }
}
