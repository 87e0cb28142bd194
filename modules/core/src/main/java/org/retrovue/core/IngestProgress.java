package org.retrovue.core;

/** Hears how an ingest goes, from the threads doing it: a collection begins, its counts move, it ends. */
public interface IngestProgress {
    void started(String source, String collection, IngestCounts counts);

    /** Called every few hundred items; must be quick. */
    void advanced(String source, String collection, IngestCounts counts);

    void finished(IngestReport.CollectionReport report);

    IngestProgress NONE = new IngestProgress() {
        @Override
        public void started(String source, String collection, IngestCounts counts) {}

        @Override
        public void advanced(String source, String collection, IngestCounts counts) {}

        @Override
        public void finished(IngestReport.CollectionReport report) {}
    };
}
