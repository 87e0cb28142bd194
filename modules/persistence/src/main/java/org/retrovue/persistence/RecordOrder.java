package org.retrovue.persistence;

import java.util.Comparator;
import java.util.Locale;

/** The one order records are returned in, applied in Java so that it does not depend on a database's collation. */
public final class RecordOrder {
    public static final Comparator<SourceRecord> SOURCES =
            Comparator.comparing((SourceRecord s) -> s.name().toLowerCase(Locale.ROOT)).thenComparing(s -> s.id());
    public static final Comparator<CollectionRecord> COLLECTIONS_OF_A_SOURCE =
            Comparator.comparing((CollectionRecord c) -> c.name().toLowerCase(Locale.ROOT)).thenComparing(c -> c.id());
    public static final Comparator<CollectionRecord> COLLECTIONS =
            Comparator.comparing((CollectionRecord c) -> c.sourceName().toLowerCase(Locale.ROOT)).thenComparing(c -> c.sourceId())
                    .thenComparing(COLLECTIONS_OF_A_SOURCE);
    public static final Comparator<PathMappingRecord> PATH_MAPPINGS =
            Comparator.comparing(PathMappingRecord::plexPath).thenComparing(PathMappingRecord::id);

    private RecordOrder() {}
}
