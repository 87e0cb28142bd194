package org.retrovue.plugin.ffprobe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.retrovue.spi.EnrichmentContext;
import org.retrovue.spi.EnrichmentResult;

/**
 * Runs ffprobe on one file with JSON output, within the item's time limit: a probe that outlives it, or whose
 * work is cancelled, is killed (with anything it started) and reported as a failure.
 */
final class FfprobeRunner {
    /** The most of ffprobe's answer read: a header's facts fit in far less; a hostile file's tags must not fill memory. */
    static final int MAX_ANSWER = 16 << 20;
    private static final long POLL_MILLIS = 50;

    private FfprobeRunner() {}

    static EnrichmentResult run(Path ffprobe, Path file, EnrichmentContext context) {
        List<String> command = List.of(ffprobe.toString(), "-v", "error", "-print_format", "json", "-show_format", "-show_streams",
                "-show_chapters", "-i", "file:" + file.toAbsolutePath());
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            return new EnrichmentResult.Declined("waits for ffprobe: " + ffprobe + " cannot be started (" + e.getClass().getSimpleName() + ")");
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<byte[]> out = drain(process.getInputStream(), MAX_ANSWER);
            CompletableFuture<byte[]> err = drain(process.getErrorStream(), 64 << 10);
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (context.cancelled()) {
                    kill(process);
                    return new EnrichmentResult.Failed("cancelled");
                }
                if (!context.remaining().isPositive()) {
                    kill(process);
                    return new EnrichmentResult.Failed("ffprobe did not answer in time; it was stopped");
                }
            }
            byte[] answer = out.get(Math.max(1, context.remaining().toMillis()) + 1000, TimeUnit.MILLISECONDS);
            if (process.exitValue() != 0) {
                String said = firstLine(new String(err.get(1, TimeUnit.SECONDS), StandardCharsets.UTF_8));
                return new EnrichmentResult.Failed("ffprobe cannot read it" + (said.isEmpty() ? " (exit " + process.exitValue() + ")" : ": " + said));
            }
            try {
                return new EnrichmentResult.Filled(FfprobeAnswer.read(new String(answer, StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                return new EnrichmentResult.Failed("ffprobe's answer cannot be read: " + e.getMessage());
            }
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            return new EnrichmentResult.Failed("cancelled");
        } catch (ExecutionException | TimeoutException | IOException e) {
            kill(process);
            return new EnrichmentResult.Failed("ffprobe's answer cannot be read (" + e.getClass().getSimpleName() + ")");
        } finally {
            if (process.isAlive()) {
                kill(process);
            }
        }
    }

    /** Ends ffprobe and anything it started, and waits a moment for it to go. */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads a stream to its end on a virtual thread, keeping at most {@code limit} bytes (the rest is read and dropped). */
    private static CompletableFuture<byte[]> drain(InputStream in, int limit) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread.ofVirtual().name("ffprobe-output").start(() -> {
            try (in) {
                java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    int room = limit - kept.size();
                    if (room > 0) {
                        kept.write(buffer, 0, Math.min(room, n));
                    }
                }
                result.complete(kept.toByteArray());
            } catch (IOException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        StringBuilder clean = new StringBuilder();
        line.codePoints().filter(c -> !Character.isISOControl(c)).limit(300).forEach(clean::appendCodePoint);
        return clean.toString();
    }
}
