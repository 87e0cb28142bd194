package org.retrovue.fakejellyfin;

import java.util.HexFormat;

/**
 * The ids the servers give things, derived from what they are so that nothing is stored: Jellyfin writes its
 * GUIDs as 32 hex digits without dashes ({@code Guid.ToString("N")}), Emby numbers its items.
 */
final class Ids {
    private static final HexFormat HEX = HexFormat.of();

    private Ids() {
    }

    static String library(Dialect dialect, int number) {
        return dialect == Dialect.EMBY ? Integer.toString(number) : guid(-number);
    }

    /** Unique across the server: library, kind and index in one number. */
    static long key(Library library, ItemKind kind, int index) {
        return library.number() * 100_000_000L + kind.id * 10_000_000L + index + 1;
    }

    static String item(Dialect dialect, Library library, ItemKind kind, int index) {
        long key = key(library, kind, index);
        return dialect == Dialect.EMBY ? Long.toString(key) : guid(key);
    }

    /** An extra media source's id: the item's own for the first, as both servers do, a derived one after. */
    static String mediaSource(Dialect dialect, String itemId, long key, int source) {
        if (source == 0) {
            return itemId;
        }
        return dialect == Dialect.EMBY ? "mediasource_" + key + "_" + source : guid(mix(key) + source);
    }

    /** 32 hex digits that differ for every value (SplitMix64's finaliser is a bijection). */
    static String guid(long value) {
        long high = mix(value);
        return HEX.toHexDigits(high) + HEX.toHexDigits(mix(high ^ 0x5DEECE66DL));
    }

    /** 32 hex digits from two values, all of them changing when either does (an ETag). */
    static String hex32(long a, long b) {
        long high = mix(a ^ mix(b));
        return HEX.toHexDigits(high) + HEX.toHexDigits(mix(high ^ 0x2545F4914F6CDD1DL));
    }

    /** SplitMix64's finaliser: well-spread bits from consecutive keys. */
    static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
