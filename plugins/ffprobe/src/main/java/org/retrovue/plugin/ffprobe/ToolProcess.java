package org.retrovue.plugin.ffprobe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.retrovue.spi.EnrichmentContext;

/**
 * Runs one of ffmpeg's programs on one file within the item's time limit, reading its output bounded: a program
 * that outlives the limit, or whose work is cancelled, is killed with everything it started.
 */
final class ToolProcess {
    private static final long POLL_MILLIS = 50;

    /** How a run ended. */
    sealed interface Outcome {
        /** It ended by itself with {@code code}; what it wrote, as far as it was kept. */
        record Exited(int code, BoundedOutput out, BoundedOutput err) implements Outcome {}

        /** It could not be started at all (e.g. the program vanished since it was found). */
        record NotStarted(String why) implements Outcome {}

        /** The item's time limit passed; it was killed. */
        record TimedOut() implements Outcome {}

        /** The work was cancelled; it was killed. */
        record Cancelled() implements Outcome {}

        /** Its output could not be read to the end (e.g. something it started held the pipe open); it was killed. */
        record Unreadable(String why) implements Outcome {}
    }

    private ToolProcess() {}

    /** Runs {@code command}, keeping at most the head and tail sizes given of its stdout and stderr. */
    static Outcome run(List<String> command, EnrichmentContext context, BoundedOutput out, BoundedOutput err) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        } catch (IOException e) {
            return new Outcome.NotStarted(Path.of(command.getFirst()) + " cannot be started (" + e.getClass().getSimpleName() + ")");
        }
        try {
            CompletableFuture<BoundedOutput> stdout = drain(process.getInputStream(), out);
            CompletableFuture<BoundedOutput> stderr = drain(process.getErrorStream(), err);
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (context.cancelled()) {
                    kill(process);
                    return new Outcome.Cancelled();
                }
                if (!context.remaining().isPositive()) {
                    kill(process);
                    return new Outcome.TimedOut();
                }
            }
            long wait = Math.max(1, context.remaining().toMillis()) + 1000;
            return new Outcome.Exited(process.exitValue(), stdout.get(wait, TimeUnit.MILLISECONDS), stderr.get(wait, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            return new Outcome.Cancelled();
        } catch (ExecutionException | TimeoutException e) {
            kill(process);
            return new Outcome.Unreadable(e.getClass().getSimpleName());
        } finally {
            if (process.isAlive() || process.descendants().findAny().isPresent()) {
                kill(process);
            }
        }
    }

    /** Ends the program and everything it started, and waits a moment for it to go. */
    static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        boolean interrupted = Thread.interrupted(); // an interrupted caller still waits for it to go; the interrupt is kept
        try {
            process.waitFor(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Reads a stream to its end on a virtual thread into {@code into}, which keeps what its bounds allow. */
    private static CompletableFuture<BoundedOutput> drain(InputStream in, BoundedOutput into) {
        CompletableFuture<BoundedOutput> result = new CompletableFuture<>();
        Thread.ofVirtual().name("tool-output").start(() -> {
            try (in) {
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    into.write(buffer, n);
                }
                result.complete(into);
            } catch (IOException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }
}
