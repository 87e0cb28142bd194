package org.retrovue.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retrovue.spi.ExtraType;
import org.retrovue.spi.ItemKind;
import org.retrovue.spi.ScannedItem;

/** SPI 1.6 extras: an extra always has a type, nothing else has one, and the type is part of what tells a change. */
class ScannedItemExtraTest {
    private static final ScannedItem FILE = ScannedItem.file("a-trailer.mkv", "/m/a-trailer.mkv", 1, Instant.EPOCH, "a");

    @Test
    void anExtraAlwaysHasATypeAndNothingElseHasOne() {
        assertEquals(ExtraType.TRAILER, FILE.asExtra(ExtraType.TRAILER).extraType());
        assertEquals(ItemKind.EXTRA, FILE.asExtra(ExtraType.TRAILER).kind());
        assertEquals(ExtraType.OTHER, FILE.asExtra(null).extraType());
        assertEquals(ExtraType.OTHER, new ScannedItem("k", "/m/k.mkv", 1, Instant.EPOCH, null, null, ItemKind.EXTRA, null, null, null).extraType());
        assertEquals(null, FILE.extraType());
        assertThrows(IllegalArgumentException.class, () -> new ScannedItem("k", "/m/k.mkv", 1, Instant.EPOCH, null, null, ItemKind.MOVIE, null,
                null, null, null, null, null, null, Map.of(), ExtraType.TRAILER));
        assertEquals(ExtraType.SAMPLE, FILE.asExtra(ExtraType.SAMPLE).withVersion("v").withDetails(1999, null, null, null).extraType(),
                "kept by the other with... methods");
    }

    @Test
    void theDigestSeesTheExtraTypeAndKeepsOlderItemsDigests() {
        assertNotEquals(ItemDigest.of(FILE.asExtra(ExtraType.TRAILER)), ItemDigest.of(FILE.asExtra(ExtraType.FEATURETTE)));
        assertEquals(1833226274198648819L, ItemDigest.of(FILE), "the digest of an item that is no extra is what SPI 1.5 stored");
    }
}
