package org.retrovue.core;

import java.util.Optional;
import org.retrovue.spi.Enricher;
import org.retrovue.spi.EnrichmentContext;
import org.retrovue.spi.EnrichmentRequest;
import org.retrovue.spi.EnrichmentResult;
import org.retrovue.spi.MediaFacts;
import org.retrovue.spi.SpiVersion;

/** An enricher of a test's own: a name, and why it cannot run (null: it can). */
record FakeEnricher(String id, String why) implements Enricher {
    @Override
    public String description() {
        return "fake " + id;
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
    public Optional<String> unavailable() {
        return Optional.ofNullable(why);
    }

    @Override
    public EnrichmentResult enrich(EnrichmentRequest request, EnrichmentContext context) {
        return new EnrichmentResult.Filled(MediaFacts.NONE);
    }
}
