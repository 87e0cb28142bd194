package org.retrovue.core;

import java.util.List;
import org.retrovue.persistence.AssetRecord;

/** Some of the items a filter selects in a collection: those from {@code offset} on, and how many it selects in all. */
public record AssetPage(List<AssetRecord> items, long offset, long total) {
    public AssetPage {
        items = List.copyOf(items);
    }

    /** Whether items after this page were left out. */
    public boolean more() {
        return offset + items.size() < total;
    }
}
