package org.retrovue.plugin.filesystem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.retrovue.spi.SourceKind;
import org.retrovue.spi.testkit.SourceKindContract;

class FilesystemContractTest extends SourceKindContract {
    @TempDir
    Path temp;

    @Override
    protected SourceKind kind() {
        return new FilesystemSourceKind();
    }

    @Override
    protected Map<String, String> workingOptions() {
        try {
            Path media = Files.createDirectories(temp.resolve("media/Show"));
            Files.writeString(media.resolve("Pilot.mkv"), "video");
            Files.writeString(media.resolve("Second.mp4"), "more video");
            return Map.of("base-path", temp.resolve("media").toString(), "follow-links", "no");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Map<String, String> failingOptions() {
        return null; // a path that validates is reachable by definition: breakRemote() removes it instead
    }

    @Override
    protected boolean breakRemote() {
        try (var files = Files.walk(temp.resolve("media"))) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Map<String, String> changedOptions() {
        return Map.of("extensions", "mkv,avi");
    }
}
