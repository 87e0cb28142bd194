package org.retrovue.plugin.ffprobe;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.retrovue.plugin.ffprobe.fastpath.FastProbe;
import org.retrovue.plugin.ffprobe.fastpath.ProbeResult;
import org.retrovue.spi.Enricher;
import org.retrovue.spi.EnrichmentContext;
import org.retrovue.spi.EnrichmentRequest;
import org.retrovue.spi.EnrichmentResult;
import org.retrovue.spi.OptionSpec;
import org.retrovue.spi.OptionType;
import org.retrovue.spi.SpiVersion;

/**
 * The {@code ffprobe} enricher: the fast path ({@link FastProbe}) reads MP4/MOV and Matroska/WebM headers
 * in-process; anything it cannot read with certainty goes to ffprobe, run once per file with JSON output. Without
 * ffprobe, what the fast path reads is still filled and the rest is declined ("waits for ffprobe").
 */
public final class FfprobeEnricher implements Enricher {
    /** The option naming the ffprobe program; it wins over {@code RETROVUE_FFPROBE} and {@code PATH}. */
    static final String OPTION = "path";
    /** Bumped when the facts given for the same file would differ. */
    static final String VERSION = "1";

    private final ToolLocator locator;

    public FfprobeEnricher() {
        this(System::getenv);
    }

    /** With {@code environment} in place of the process's (RETROVUE_FFPROBE, PATH): for tests. */
    FfprobeEnricher(UnaryOperator<String> environment) {
        this.locator = ToolLocator.ffprobe(environment);
    }

    @Override
    public String id() {
        return "ffprobe";
    }

    @Override
    public String description() {
        return "Duration, container, bit rate, video, audio and subtitle streams, chapters: MP4/MOV and Matroska/WebM headers read"
                + " in-process, other files through ffprobe";
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public int spiMajorVersion() {
        return SpiVersion.MAJOR;
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.optional(OPTION, OptionType.PATH,
                "The ffprobe program to run; default: $" + locator.env() + ", else ffprobe on PATH."));
    }

    @Override
    public Optional<String> unavailable() {
        return locator.unavailable();
    }

    @Override
    public EnrichmentResult enrich(EnrichmentRequest request, EnrichmentContext context) {
        if (context.cancelled()) {
            return new EnrichmentResult.Failed("cancelled");
        }
        var notAFile = FileCheck.notAFile(request.path());
        if (notAFile.isPresent()) {
            return notAFile.get();
        }
        String fastPathSays;
        switch (FastProbe.probe(request.path())) {
            case ProbeResult.Known(var facts) -> {
                return new EnrichmentResult.Filled(FastFacts.toSpi(facts));
            }
            case ProbeResult.AskFfprobe(String reason) -> fastPathSays = reason;
        }
        if (context.cancelled()) { // the fast path's reads stop on an interrupt: what it said is no reason then
            return new EnrichmentResult.Failed("cancelled");
        }
        // What the fast path could not read may be gone since, or unreadable, or empty: said without starting ffprobe.
        var problem = FileCheck.problem(request.path());
        if (problem.isPresent()) {
            return problem.get();
        }
        return switch (locator.find(context.options().get(OPTION))) {
            case ToolLocator.Found.Missing(String reason) -> new EnrichmentResult.Declined("waits for ffprobe (" + fastPathSays + "): " + reason);
            case ToolLocator.Found.At(var program) -> FfprobeRunner.run(program, request.path(), context);
        };
    }
}
