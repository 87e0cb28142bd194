package org.retrovue.plugin.ffprobe;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.retrovue.spi.Enricher;
import org.retrovue.spi.EnrichmentContext;
import org.retrovue.spi.EnrichmentRequest;
import org.retrovue.spi.EnrichmentResult;
import org.retrovue.spi.MediaFacts;
import org.retrovue.spi.OptionSpec;
import org.retrovue.spi.OptionType;
import org.retrovue.spi.SpiVersion;

/**
 * The {@code loudness} enricher: EBU R128 integrated loudness, loudness range and true peak of an item's default
 * audio stream, measured by ffmpeg's {@code ebur128} filter. ffmpeg decodes all of that audio, so this is slow:
 * seconds to tens of seconds a file, where the {@code ffprobe} enricher takes milliseconds.
 */
public final class LoudnessEnricher implements Enricher {
    /** The option naming the ffmpeg program; it wins over {@code RETROVUE_FFMPEG} and {@code PATH}. */
    static final String OPTION = "path";
    /** Bumped when the facts given for the same file would differ. */
    static final String VERSION = "1";

    private final ToolLocator locator;

    public LoudnessEnricher() {
        this(System::getenv);
    }

    /** With {@code environment} in place of the process's (RETROVUE_FFMPEG, PATH): for tests. */
    LoudnessEnricher(UnaryOperator<String> environment) {
        this.locator = ToolLocator.ffmpeg(environment);
    }

    @Override
    public String id() {
        return "loudness";
    }

    @Override
    public String description() {
        return "EBU R128 integrated loudness, loudness range and true peak of the default audio stream through ffmpeg's ebur128 filter;"
                + " slow: decodes all the audio";
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
                "The ffmpeg program to run; default: $" + locator.env() + ", else ffmpeg on PATH."));
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
        Optional<EnrichmentResult.Failed> problem = FileCheck.problem(request.path());
        if (problem.isPresent()) {
            return problem.get();
        }
        MediaFacts known = request.known();
        if (!known.video().isEmpty() && known.audio().isEmpty()) { // an enricher before this one listed the streams: none is audio
            return new EnrichmentResult.Failed("no audio stream");
        }
        return switch (locator.find(context.options().get(OPTION))) {
            case ToolLocator.Found.Missing(String reason) -> new EnrichmentResult.Declined("waits for ffmpeg: " + reason);
            case ToolLocator.Found.At(var program) -> LoudnessRunner.run(program, request.path(), audioIndex(known), context);
        };
    }

    /** The default audio stream among the audio streams an enricher before this one found (they are in file order); else the first. */
    static int audioIndex(MediaFacts known) {
        MediaFacts.Audio chosen = known.defaultAudio();
        int index = chosen == null ? -1 : known.audio().indexOf(chosen);
        return Math.max(index, 0);
    }
}
