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
            return Map.of("base-path", Files.createDirectories(temp.resolve("media")).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Map<String, String> failingOptions() {
        return null; // a path that validates is reachable by definition
    }
}
