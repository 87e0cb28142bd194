package org.retrovue.example.manifest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.retrovue.spi.DiscoveredCollection;
import org.retrovue.spi.ScanRequest;
import org.retrovue.spi.ScanResult;
import org.retrovue.spi.ScanSink;
import org.retrovue.spi.SourceConnection;
import org.retrovue.spi.SourceException;
import org.retrovue.spi.SourceHealth;

/** One manifest: its identity is its path; its one collection is the list it holds. */
final class ManifestConnection implements SourceConnection {
    private final Path file;

    ManifestConnection(Path file) {
        this.file = file;
    }

    @Override
    public String fingerprint() {
        return file.toString();
    }

    @Override
    public List<DiscoveredCollection> collections() {
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return List.of(new DiscoveredCollection("manifest", name, List.of(file.getParent().toString()), Map.of("file", file.toString())));
    }

    /** For {@code source status}: the manifest is there and readable; it takes no credentials. */
    @Override
    public SourceHealth health() {
        if (!Files.isRegularFile(file)) {
            return SourceHealth.unreachable("the manifest " + file + " is gone; give its new place with `source update --file`");
        }
        if (!Files.isReadable(file)) {
            return SourceHealth.unreachable("the manifest " + file + " cannot be read: permission denied");
        }
        return SourceHealth.healthy(SourceHealth.Check.NOT_APPLICABLE, null, null);
    }

    @Override
    public ScanResult scan(ScanRequest request, ScanSink sink) throws SourceException {
        Manifest.read(file, sink);
        return ScanResult.complete(null);
    }
}
