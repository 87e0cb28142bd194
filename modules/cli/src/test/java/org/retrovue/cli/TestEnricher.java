package org.retrovue.cli;

import java.util.List;
import java.util.Optional;
import org.retrovue.spi.Enricher;
import org.retrovue.spi.EnrichmentContext;
import org.retrovue.spi.EnrichmentRequest;
import org.retrovue.spi.EnrichmentResult;
import org.retrovue.spi.MediaFacts;
import org.retrovue.spi.OptionSpec;
import org.retrovue.spi.SpiVersion;

/** An enricher of a test's own: a name, and why it cannot run here (null: it can). It fills nothing. */
record TestEnricher(String id, String why) implements Enricher {
    @Override
    public String description() {
        return "test enricher " + id;
    }

    @Override
    public String version() {
        return "7";
    }

    @Override
    public int spiMajorVersion() {
        return SpiVersion.MAJOR;
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.optional("target", org.retrovue.spi.OptionType.INTEGER, "a target").withDefault("-24"));
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
