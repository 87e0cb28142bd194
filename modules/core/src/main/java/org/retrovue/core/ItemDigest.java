package org.retrovue.core;

import java.util.Map;
import java.util.TreeMap;
import org.retrovue.persistence.KnownAsset;
import org.retrovue.spi.ScannedItem;

/**
 * A 64-bit hash (FNV-1a over the characters) of everything a scanned item reports but its size and time, which
 * are compared as they are: a rescan reads this one number per stored item instead of its path, title and the
 * rest, and still sees that an item was moved or renamed at the source. Stable across runs and versions of Java:
 * it is stored.
 */
final class ItemDigest {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
    /** Between fields, so that ("ab", "c") and ("a", "bc") differ; a null field hashes differently from "". */
    private static final char SEPARATOR = '\u001f';
    private static final char NULL = '\u0000';

    private ItemDigest() {}

    static long of(ScannedItem item) {
        long h = OFFSET;
        h = text(h, item.remotePath());
        h = text(h, item.durationMillis() == null ? null : Long.toString(item.durationMillis()));
        h = text(h, item.title());
        h = text(h, item.kind().name());
        h = text(h, item.show());
        h = text(h, item.season() == null ? null : Integer.toString(item.season()));
        h = text(h, item.episode() == null ? null : Integer.toString(item.episode()));
        h = text(h, item.version());
        h = text(h, item.year() == null ? null : Integer.toString(item.year()));
        h = text(h, item.episodeEnd() == null ? null : Integer.toString(item.episodeEnd()));
        h = text(h, item.airDate() == null ? null : item.airDate().toString());
        if (!item.providerIds().isEmpty()) {
            for (Map.Entry<String, String> id : new TreeMap<>(item.providerIds()).entrySet()) {
                h = text(text(h, id.getKey()), id.getValue());
            }
        }
        if (item.extraType() != null) {
            h = text(h, item.extraType().name()); // only then: the digests of items stored before SPI 1.6 stay as they were
        }
        return h == KnownAsset.NO_DIGEST ? h + 1 : h; // the one value that means "none stored"
    }

    private static long text(long h, String value) {
        if (value == null) {
            h = (h ^ NULL) * PRIME;
        } else {
            for (int i = 0, n = value.length(); i < n; i++) {
                h = (h ^ value.charAt(i)) * PRIME;
            }
        }
        return (h ^ SEPARATOR) * PRIME;
    }
}
