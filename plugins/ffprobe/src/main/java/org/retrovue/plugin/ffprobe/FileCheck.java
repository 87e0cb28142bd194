package org.retrovue.plugin.ffprobe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.retrovue.spi.EnrichmentResult;

/**
 * Before a program is started on a file: whether it is there, a regular file, readable by us and not empty. Each
 * answer is the item's one-line reason, the same whether or not ffprobe and ffmpeg are installed, and costs one
 * open and a one-byte read instead of a process.
 */
final class FileCheck {
    private FileCheck() {}

    /** Whether it is no regular file, or none at all: asked before anything opens it (opening a FIFO would wait for a writer). */
    static Optional<EnrichmentResult.Failed> notAFile(Path file) {
        if (!Files.exists(file)) {
            return failed("the file is gone");
        }
        return Files.isRegularFile(file) ? Optional.empty() : failed("not a regular file");
    }

    /** {@link #notAFile}, then whether it can be read and holds a byte. */
    static Optional<EnrichmentResult.Failed> problem(Path file) {
        Optional<EnrichmentResult.Failed> notAFile = notAFile(file);
        if (notAFile.isPresent()) {
            return notAFile;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return channel.read(ByteBuffer.allocate(1)) < 0 ? failed("the file is empty") : Optional.empty();
        } catch (ClosedByInterruptException e) {
            return failed("cancelled"); // the thread was interrupted (Ctrl-C): not the file's fault; the interrupt stays set
        } catch (NoSuchFileException e) {
            return failed("the file is gone");
        } catch (AccessDeniedException e) {
            return failed("the file cannot be read: permission denied");
        } catch (FileSystemException e) {
            return failed("the file cannot be read: " + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName()));
        } catch (IOException e) {
            return failed("the file cannot be read: " + (e.getMessage() != null ? Lines.first(e.getMessage()) : e.getClass().getSimpleName()));
        }
    }

    private static Optional<EnrichmentResult.Failed> failed(String reason) {
        return Optional.of(new EnrichmentResult.Failed(reason));
    }
}
