package org.retrovue.plugin.ffprobe.fastpath;

/** What the fast path answers: the facts it read with certainty, or an explicit "ask ffprobe" with the reason. */
public sealed interface ProbeResult {
    /** The file's header was read and every fact in {@code facts} is what ffprobe would say. */
    record Known(MediaFacts facts) implements ProbeResult {}

    /** The fast path cannot answer with certainty (unknown container, no duration, a codec it cannot name...). */
    record AskFfprobe(String reason) implements ProbeResult {}
}
