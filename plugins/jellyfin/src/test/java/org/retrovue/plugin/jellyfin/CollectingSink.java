package org.retrovue.plugin.jellyfin;

import java.util.ArrayList;
import java.util.List;
import org.retrovue.spi.ScanSink;
import org.retrovue.spi.ScannedItem;

/** A sink that keeps what a scan delivered, for the tests to look at. */
final class CollectingSink implements ScanSink {
    final List<ScannedItem> items = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final List<Long> expected = new ArrayList<>();

    @Override
    public void expect(long total) {
        expected.add(total);
    }

    @Override
    public void item(ScannedItem item) {
        items.add(item);
    }

    @Override
    public void warning(String message) {
        warnings.add(message);
    }
}
