package org.retrovue.core;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.retrovue.spi.Enricher;
import org.retrovue.spi.EnrichmentContext;
import org.retrovue.spi.EnrichmentRequest;
import org.retrovue.spi.EnrichmentResult;
import org.retrovue.spi.OptionSpec;
import org.retrovue.spi.OptionType;
import org.retrovue.spi.SpiVersion;

/** An enricher whose answers a test scripts; it counts its calls, by file name too. */
final class ScriptedEnricher implements Enricher {
    private final String id;
    volatile String version = "1";
    volatile BiFunction<EnrichmentRequest, EnrichmentContext, EnrichmentResult> answer;
    final AtomicInteger calls = new AtomicInteger();
    final Map<String, AtomicInteger> callsByName = new ConcurrentHashMap<>();

    ScriptedEnricher(String id, BiFunction<EnrichmentRequest, EnrichmentContext, EnrichmentResult> answer) {
        this.id = id;
        this.answer = answer;
    }

    int calls(String fileName) {
        AtomicInteger n = callsByName.get(fileName);
        return n == null ? 0 : n.get();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return "scripted " + id;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public int spiMajorVersion() {
        return SpiVersion.MAJOR;
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.optional("mode", OptionType.STRING, "a mode").withDefault("plain"),
                OptionSpec.optional("level", OptionType.INTEGER, "a level").withRange(1, 10), OptionSpec.secret("key", "a key"));
    }

    @Override
    public EnrichmentResult enrich(EnrichmentRequest request, EnrichmentContext context) {
        calls.incrementAndGet();
        callsByName.computeIfAbsent(request.path().getFileName().toString(), k -> new AtomicInteger()).incrementAndGet();
        return answer.apply(request, context);
    }
}
