package org.retrovue.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The warnings of one collection's ingest or enrichment: every one counted (in its {@link IngestCounts}), the first
 * {@value #KEPT} kept for the report, each made fit to show first (a plugin's words: one line, secrets masked).
 * Warnings may come from several threads (enrichment workers).
 */
final class CappedWarnings implements Consumer<String> {
    static final int KEPT = 20;

    private final IngestCounts counts;
    private final UnaryOperator<String> fitToShow;
    private final List<String> kept = new ArrayList<>();

    CappedWarnings(IngestCounts counts, UnaryOperator<String> fitToShow) {
        this.counts = counts;
        this.fitToShow = fitToShow;
    }

    @Override
    public synchronized void accept(String message) {
        counts.warnings++;
        if (kept.size() < KEPT) {
            kept.add(fitToShow.apply(message));
        }
    }

    synchronized List<String> kept() {
        return List.copyOf(kept);
    }
}
