package org.retrovue.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.retrovue.spi.DiscoveredCollection;
import org.retrovue.spi.ItemKind;
import org.retrovue.spi.OptionSpec;
import org.retrovue.spi.OptionType;
import org.retrovue.spi.ScanRequest;
import org.retrovue.spi.ScanResult;
import org.retrovue.spi.ScanSink;
import org.retrovue.spi.ScannedItem;
import org.retrovue.spi.SourceConnection;
import org.retrovue.spi.SourceContext;
import org.retrovue.spi.SourceException;
import org.retrovue.spi.SourceKind;
import org.retrovue.spi.SpiVersion;

/**
 * A hand-written source kind for ingest tests: its one collection (located at {@code --root}) holds
 * {@link #items} episodes under remote paths {@code /remote/show/eN.mkv}; a scan can be made to fail after
 * {@link #failAfter} items, or to report the collection unchanged when its version is {@link #version}.
 */
final class ScriptedKind implements SourceKind {
    volatile int items = 10;
    /** Report every item a second time at the end (a library that changed between pages). */
    volatile boolean reportTwice;
    volatile int failAfter = -1;
    volatile String version = "v1";
    volatile boolean supportsUnchanged = false;
    /** Announce how many items the scan will deliver (ScanSink.expect). */
    volatile boolean announces;
    final AtomicInteger scans = new AtomicInteger();
    /** Scans that listed the collection's items (not those answered "unchanged"). */
    final AtomicInteger listings = new AtomicInteger();
    /** When set, item i is what this returns (null: the usual item). */
    volatile java.util.function.IntFunction<ScannedItem> custom;
    /** When set, runs before item i is reported. */
    volatile java.util.function.IntConsumer beforeItem;
    /** The config the collection is reported with. */
    volatile Map<String, Object> collectionConfig = Map.of();
    /** Report no collection at all (the source lost it). */
    volatile boolean collectionGone;
    /** The collection the last scan was asked for, as the program handed it back. */
    volatile DiscoveredCollection scanned;

    @Override
    public String id() {
        return "scripted";
    }

    @Override
    public String description() {
        return "test items";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.required("root", OptionType.PATH, "where the collection is"));
    }

    @Override
    public int spiMajorVersion() {
        return SpiVersion.MAJOR;
    }

    @Override
    public Map<String, Object> validate(Map<String, String> options) {
        return Map.of("root", options.get("root"));
    }

    @Override
    public SourceConnection connect(Map<String, Object> config, SourceContext context) {
        String root = (String) config.get("root");
        return new SourceConnection() {
            @Override
            public String fingerprint() {
                return "scripted:" + root;
            }

            @Override
            public List<DiscoveredCollection> collections() {
                return collectionGone ? List.of() : List.of(new DiscoveredCollection("all", "Everything", List.of("/remote"), collectionConfig));
            }

            @Override
            public ScanResult scan(ScanRequest request, ScanSink sink) throws SourceException {
                scans.incrementAndGet();
                scanned = request.collection();
                if (supportsUnchanged && version.equals(request.previousVersion())) {
                    return ScanResult.unchanged(version);
                }
                listings.incrementAndGet();
                if (announces) {
                    sink.expect(items);
                }
                for (int i = 0; i < items; i++) {
                    if (i == failAfter) {
                        throw new SourceException(SourceException.Code.UNREACHABLE, "the server went away after " + i + " items");
                    }
                    if (beforeItem != null) {
                        beforeItem.accept(i);
                    }
                    ScannedItem special = custom == null ? null : custom.apply(i);
                    sink.item(special != null ? special : new ScannedItem("k" + i, "/remote/show/e" + i + ".mkv", 1000 + i, Instant.parse("2020-01-01T00:00:00Z"),
                            1_800_000L, "Episode " + i, ItemKind.EPISODE, "Show", 1, i + 1));
                }
                for (int i = 0; reportTwice && i < items; i++) {
                    sink.item(new ScannedItem("k" + i, "/remote/show/e" + i + ".mkv", 1000 + i, Instant.parse("2020-01-01T00:00:00Z"),
                            1_800_000L, "Episode " + i, ItemKind.EPISODE, "Show", 1, i + 1));
                }
                return ScanResult.complete(version);
            }
        };
    }
}
