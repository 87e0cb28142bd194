package org.retrovue.cli.render;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.retrovue.core.IngestCounts;
import org.retrovue.core.IngestProgress;
import org.retrovue.core.IngestReport;

/**
 * A live line per source on a terminal while an ingest runs (items seen, new, changed, missing, rate), redrawn
 * in place at most five times a second with ANSI cursor movement, and erased at the end so the summary follows.
 * Only for a terminal: without one, the ingest prints no escape codes at all.
 */
public final class ProgressLines implements IngestProgress {
    private static final long REDRAW_NANOS = 200_000_000L;

    private record Line(String collection, IngestCounts counts, long startNanos) {}

    private final PrintWriter err;
    private final Map<String, Line> lines = new LinkedHashMap<>();
    private int drawn;
    private long lastDraw;

    public ProgressLines(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void started(String source, String collection, IngestCounts counts) {
        lines.put(source, new Line(collection, counts, System.nanoTime()));
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
        long time = System.nanoTime();
        if (!now && time - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = time;
        erase();
        for (Map.Entry<String, Line> entry : lines.entrySet()) {
            Line line = entry.getValue();
            IngestCounts c = line.counts();
            double seconds = Math.max(0.001, (time - line.startNanos()) / 1e9);
            err.print(String.format(Locale.ROOT, "%s/%s: %,d seen, %,d new, %,d changed, %,d missing, %,.0f items/s%n",
                    Text.escape(entry.getKey()), Text.escape(line.collection()), c.seen(), c.added(), c.changed() + c.reappeared(), c.missing(), c.seen() / seconds));
        }
        drawn = lines.size();
        err.flush();
    }

    private void erase() {
        for (int i = 0; i < drawn; i++) {
            err.print("\u001b[1F\u001b[2K"); // up one line, to its start, and clear it
        }
        drawn = 0;
    }
}
