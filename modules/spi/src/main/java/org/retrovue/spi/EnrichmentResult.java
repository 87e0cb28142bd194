package org.retrovue.spi;

import java.util.Objects;

/**
 * What an enricher made of one item: facts it filled, a decline (it cannot run now, the item is not to blame: it
 * will be tried again) or a failure (the file is unreadable, not media, timed out: the item keeps the reason until
 * it changes). Reasons are one line for the operator, without secrets or stack traces. Since SPI 1.6.
 */
public sealed interface EnrichmentResult {
    /** The facts measured; fields left null or empty in {@code facts} were not measured and keep what others filled. */
    record Filled(MediaFacts facts) implements EnrichmentResult {
        public Filled {
            Objects.requireNonNull(facts, "facts");
        }
    }

    /** Not enriched now, for a reason outside the item (e.g. "waits for ffprobe: not installed"); tried again later. */
    record Declined(String reason) implements EnrichmentResult {
        public Declined {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The item could not be enriched (e.g. "not a media file", "timed out after 30 s"). */
    record Failed(String reason) implements EnrichmentResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
