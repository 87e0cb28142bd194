package org.retrovue.example.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.retrovue.spi.SourceKind;
import org.retrovue.spi.testkit.SourceKindContract;

/** The SPI contract from the testkit, run against this plugin: what every plugin author should do. */
class ManifestContractTest extends SourceKindContract {
    @TempDir
    Path temp;

    @Override
    protected SourceKind kind() {
        return new ManifestSourceKind();
    }

    @Override
    protected Map<String, String> workingOptions() {
        try {
            Files.writeString(temp.resolve("a.mkv"), "video");
            Path manifest = Files.writeString(temp.resolve("shows.csv"), """
                    path,title,duration_seconds
                    a.mkv,"Pilot, part 1",1800
                    missing/b.mkv,Second,1750.5
                    """);
            return Map.of("file", manifest.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Map<String, String> failingOptions() {
        return null; // a manifest that validates can be read: breakRemote() removes it instead
    }

    @Override
    protected boolean breakRemote() {
        try {
            Files.delete(temp.resolve("shows.csv"));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Map<String, String> changedOptions() {
        try {
            return Map.of("file", Files.writeString(temp.resolve("moved.csv"), "path,title,duration_seconds\na.mkv,Pilot,1800\n").toString(),
                    "encoding", "windows-1252");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
