package org.retrovue.plugin.ffprobe;

import java.nio.file.Path;
import java.util.List;
import org.retrovue.spi.EnrichmentContext;
import org.retrovue.spi.EnrichmentResult;
import org.retrovue.spi.MediaFacts;

/**
 * Runs ffmpeg's {@code ebur128} filter over one audio stream of one file, within the item's time limit
 * ({@link ToolProcess}), and reads the summary it logs at the end. ffmpeg decodes the whole stream: it takes a
 * fraction of the running time (about 0.5 s for a 2 s file, mostly its start-up; tens of seconds for a film).
 */
final class LoudnessRunner {
    /** Of ffmpeg's log, the head (the file's description) and the tail (the summary, the last complaint) are kept. */
    static final int LOG_HEAD = 16 << 10;
    static final int LOG_TAIL = 64 << 10;

    private LoudnessRunner() {}

    /** {@code audioIndex}: which audio stream, counted among the file's audio streams from 0. */
    static List<String> command(Path ffmpeg, Path file, int audioIndex) {
        // framelog=verbose: no line per 100 ms of audio, only the summary; -vn -sn -dn: a file without audio is an
        // error ("does not contain any stream") rather than its video decoded for nothing.
        return List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-nostats", "-i", "file:" + file.toAbsolutePath(),
                "-map", "0:a:" + audioIndex + "?", "-vn", "-sn", "-dn", "-af", "ebur128=peak=true:framelog=verbose", "-f", "null", "-");
    }

    static EnrichmentResult run(Path ffmpeg, Path file, int audioIndex, EnrichmentContext context) {
        return switch (ToolProcess.run(command(ffmpeg, file, audioIndex), context, new BoundedOutput(0, 0), new BoundedOutput(LOG_HEAD, LOG_TAIL))) {
            case ToolProcess.Outcome.NotStarted(String why) -> new EnrichmentResult.Declined("waits for ffmpeg: " + why);
            case ToolProcess.Outcome.Cancelled() -> new EnrichmentResult.Failed("cancelled");
            case ToolProcess.Outcome.TimedOut() -> new EnrichmentResult.Failed("ffmpeg did not finish measuring in time; it was stopped");
            case ToolProcess.Outcome.Unreadable(String why) -> new EnrichmentResult.Failed("ffmpeg's output cannot be read (" + why + ")");
            case ToolProcess.Outcome.Exited(int code, BoundedOutput out, BoundedOutput err) -> answer(code, err.text());
        };
    }

    /** What ffmpeg's exit code and log say. */
    static EnrichmentResult answer(int code, String log) {
        if (code != 0) {
            if (log.contains("does not contain any stream")) {
                return new EnrichmentResult.Failed("no audio stream");
            }
            String said = Lines.last(log);
            return new EnrichmentResult.Failed("ffmpeg cannot read it" + (said.isEmpty() ? " (exit " + code + ")" : ": " + said));
        }
        if (log.contains("Output file is empty, nothing was encoded")) {
            return new EnrichmentResult.Failed("no audio could be decoded");
        }
        try {
            MediaFacts.Loudness loudness = Ebur128Summary.read(log);
            return new EnrichmentResult.Filled(new MediaFacts(null, null, null, List.of(), List.of(), List.of(), null, loudness));
        } catch (IllegalArgumentException e) {
            return new EnrichmentResult.Failed("ffmpeg's output cannot be read: " + e.getMessage());
        }
    }
}
