package org.retrovue.plugin.ffprobe;

import java.nio.file.Path;
import java.util.List;
import org.retrovue.spi.EnrichmentContext;
import org.retrovue.spi.EnrichmentResult;

/**
 * Runs ffprobe on one file with JSON output, within the item's time limit ({@link ToolProcess}), and reads its
 * answer into the SPI's facts.
 */
final class FfprobeRunner {
    /** The most of ffprobe's answer read: a header's facts fit in far less; a hostile file's tags must not fill memory. */
    static final int MAX_ANSWER = 16 << 20;

    private FfprobeRunner() {}

    static EnrichmentResult run(Path ffprobe, Path file, EnrichmentContext context) {
        List<String> command = List.of(ffprobe.toString(), "-v", "error", "-print_format", "json", "-show_format", "-show_streams",
                "-show_chapters", "-i", "file:" + file.toAbsolutePath());
        return switch (ToolProcess.run(command, context, new BoundedOutput(MAX_ANSWER, 0), new BoundedOutput(64 << 10, 0))) {
            case ToolProcess.Outcome.NotStarted(String why) -> new EnrichmentResult.Declined("waits for ffprobe: " + why);
            case ToolProcess.Outcome.Cancelled() -> new EnrichmentResult.Failed("cancelled");
            case ToolProcess.Outcome.TimedOut() -> new EnrichmentResult.Failed("ffprobe did not answer in time; it was stopped");
            case ToolProcess.Outcome.Unreadable(String why) -> new EnrichmentResult.Failed("ffprobe's answer cannot be read (" + why + ")");
            case ToolProcess.Outcome.Exited(int code, BoundedOutput out, BoundedOutput err) when code != 0 -> {
                String said = Lines.first(err.text());
                yield new EnrichmentResult.Failed("ffprobe cannot read it" + (said.isEmpty() ? " (exit " + code + ")" : ": " + said));
            }
            case ToolProcess.Outcome.Exited(int code, BoundedOutput out, BoundedOutput err) -> {
                // With -v error, ffprobe says "partial file" when a stream's data runs past the end: the header's
                // duration would promise what the file cannot play.
                String complaint = err.text().lines().filter(l -> l.contains("partial file")).findFirst().orElse(null);
                if (complaint != null) {
                    yield new EnrichmentResult.Failed("the file is truncated: ffprobe says: " + Lines.first(complaint));
                }
                if (out.truncated()) {
                    yield new EnrichmentResult.Failed("ffprobe's answer is longer than " + (MAX_ANSWER >> 20) + " MiB");
                }
                try {
                    yield new EnrichmentResult.Filled(FfprobeAnswer.read(out.text()));
                } catch (IllegalArgumentException e) {
                    yield new EnrichmentResult.Failed("ffprobe's answer cannot be read: " + e.getMessage());
                }
            }
        };
    }
}
