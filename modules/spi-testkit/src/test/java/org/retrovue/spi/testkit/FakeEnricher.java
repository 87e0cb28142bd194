package org.retrovue.spi.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.retrovue.spi.Enricher;
import org.retrovue.spi.EnrichmentContext;
import org.retrovue.spi.EnrichmentRequest;
import org.retrovue.spi.EnrichmentResult;
import org.retrovue.spi.MediaFacts;
import org.retrovue.spi.SpiVersion;

/**
 * A well-behaved enricher of "fake media" files (text {@code FAKEMEDIA <duration in ms>}): the broken enrichers of
 * {@link EnricherFixtures} each override one thing.
 */
class FakeEnricher implements Enricher {
    static final String MAGIC = "FAKEMEDIA ";

    @Override
    public String id() {
        return "fake-media";
    }

    @Override
    public String description() {
        return "Durations of fake media files, for the testkit's own tests";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public int spiMajorVersion() {
        return SpiVersion.MAJOR;
    }

    @Override
    public EnrichmentResult enrich(EnrichmentRequest request, EnrichmentContext context) {
        if (context.cancelled()) {
            return new EnrichmentResult.Failed("cancelled");
        }
        if (!context.remaining().isPositive()) {
            return new EnrichmentResult.Failed("timed out");
        }
        if (!Files.isRegularFile(request.path())) {
            return new EnrichmentResult.Failed("the file is gone");
        }
        try {
            return read(request.path(), context);
        } catch (IOException e) {
            return new EnrichmentResult.Failed("cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Reads the file once the deadline and the cancel were checked. */
    EnrichmentResult read(Path path, EnrichmentContext context) throws IOException {
        String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        return facts(text).<EnrichmentResult>map(EnrichmentResult.Filled::new).orElse(new EnrichmentResult.Failed("not a fake media file"));
    }

    static java.util.Optional<MediaFacts> facts(String text) {
        if (!text.startsWith(MAGIC)) {
            return java.util.Optional.empty();
        }
        long millis = Long.parseLong(text.substring(MAGIC.length()).strip());
        return java.util.Optional.of(new MediaFacts("fake", millis, null, List.of(), List.of(), List.of(), null, null));
    }

    static boolean isMedia(Path path) throws IOException {
        return Files.size(path) > 0 && new String(Files.readAllBytes(path), StandardCharsets.UTF_8).startsWith(MAGIC);
    }

    /** Sleeps {@code millis}, or less if interrupted; says whether it slept its full time. */
    static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
