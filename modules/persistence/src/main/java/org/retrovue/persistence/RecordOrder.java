package org.retrovue.persistence;

import java.util.Comparator;
import java.util.Locale;

/**
 * The one order records are returned in, applied in Java so that it does not depend on a database's collation.
 * Written as plain comparators rather than {@code Comparator.comparing} chains, whose lambdas the JVM would
 * generate at every start.
 */
public final class RecordOrder {
    public static final Comparator<SourceRecord> SOURCES = new Comparator<>() {
        @Override
        public int compare(SourceRecord a, SourceRecord b) {
            int byName = a.name().toLowerCase(Locale.ROOT).compareTo(b.name().toLowerCase(Locale.ROOT));
            return byName != 0 ? byName : a.id().compareTo(b.id());
        }
    };
    public static final Comparator<SourceSummary> SOURCE_SUMMARIES = new Comparator<>() {
        @Override
        public int compare(SourceSummary a, SourceSummary b) {
            int byName = a.name().toLowerCase(Locale.ROOT).compareTo(b.name().toLowerCase(Locale.ROOT));
            return byName != 0 ? byName : a.id().compareTo(b.id());
        }
    };
    public static final Comparator<CollectionRecord> COLLECTIONS_OF_A_SOURCE = new Comparator<>() {
        @Override
        public int compare(CollectionRecord a, CollectionRecord b) {
            int byName = a.name().toLowerCase(Locale.ROOT).compareTo(b.name().toLowerCase(Locale.ROOT));
            return byName != 0 ? byName : a.id().compareTo(b.id());
        }
    };
    public static final Comparator<CollectionRecord> COLLECTIONS = new Comparator<>() {
        @Override
        public int compare(CollectionRecord a, CollectionRecord b) {
            int bySource = a.sourceName().toLowerCase(Locale.ROOT).compareTo(b.sourceName().toLowerCase(Locale.ROOT));
            if (bySource == 0) {
                bySource = a.sourceId().compareTo(b.sourceId());
            }
            return bySource != 0 ? bySource : COLLECTIONS_OF_A_SOURCE.compare(a, b);
        }
    };
    public static final Comparator<PathMappingRecord> PATH_MAPPINGS = new Comparator<>() {
        @Override
        public int compare(PathMappingRecord a, PathMappingRecord b) {
            int byPath = a.plexPath().compareTo(b.plexPath());
            return byPath != 0 ? byPath : a.id().compareTo(b.id());
        }
    };

    private RecordOrder() {}
}
