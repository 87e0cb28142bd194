package org.retrovue.spi;

import java.util.List;
import java.util.Optional;

/**
 * Something that learns more about a media item from its file (its duration, streams, loudness...), run by the
 * program on each item of a source whose enricher list names it. Found through ServiceLoader exactly as a
 * {@link SourceKind} is (built into the image, or a plugin jar dropped into a plugin directory; one plugin may
 * provide kinds and enrichers). Implementations are stateless and safe to call from several threads at once.
 * Since SPI 1.6.
 */
public interface Enricher {
    /** The name an operator lists in {@code source enrichers}: lower-case letters, digits and '-', e.g. {@code ffprobe}. */
    String id();

    /** One line for {@code enricher list-types}; say what it fills and whether it is slow. */
    String description();

    /**
     * The version of what this enricher fills, e.g. {@code "1"}. When it changes, the program enriches every item
     * again, so change it when the facts it gives for the same file would differ, not for every build.
     */
    String version();

    /** Must return {@link SpiVersion#MAJOR} as compiled against; the program checks it. */
    int spiMajorVersion();

    /**
     * The options this enricher takes, typed and checked as a source kind's are ({@link OptionType}); their values
     * reach {@link #enrich} through {@link EnrichmentContext#options()}. None by default.
     */
    default List<OptionSpec> options() {
        return List.of();
    }

    /**
     * Why this enricher cannot run on this machine, in one line that says what to install or set (e.g.
     * {@code "ffprobe is not installed: install Debian's ffmpeg package or set RETROVUE_FFPROBE"}); empty when it
     * can. It must be quick (no process started, no file read beyond a path lookup): {@code enricher list-types} and
     * {@code source enrichers} call it. An unavailable enricher may still be listed for a source, with a warning.
     */
    default Optional<String> unavailable() {
        return Optional.empty();
    }

    /**
     * Enriches one item. Never throws for what a file contains: a file it cannot read is a
     * {@link EnrichmentResult.Failed}, a tool that is missing a {@link EnrichmentResult.Declined}. It stops by
     * {@link EnrichmentContext#deadline()} and when {@link EnrichmentContext#cancelled()}: the program cuts off an
     * enricher that outlives its deadline and records the item as failed. Anything it starts (a process) it ends
     * before returning.
     */
    EnrichmentResult enrich(EnrichmentRequest request, EnrichmentContext context);
}
