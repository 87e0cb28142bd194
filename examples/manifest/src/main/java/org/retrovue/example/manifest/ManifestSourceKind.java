package org.retrovue.example.manifest;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.retrovue.spi.OptionSpec;
import org.retrovue.spi.OptionType;
import org.retrovue.spi.SourceConnection;
import org.retrovue.spi.SourceContext;
import org.retrovue.spi.SourceException;
import org.retrovue.spi.SourceKind;
import org.retrovue.spi.SpiVersion;

/**
 * {@code manifest}: a source whose content is listed in a CSV file, one media file a line:
 * {@code path,title,duration_seconds} (a header line first; paths relative to the manifest's folder or absolute;
 * fields may be double-quoted). The source has one collection, the manifest itself.
 */
public final class ManifestSourceKind implements SourceKind {
    static final String FILE = "file";

    @Override
    public String id() {
        return "manifest";
    }

    @Override
    public String description() {
        return "A CSV manifest of media files (path,title,duration_seconds)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.required(FILE, OptionType.PATH, "The manifest: a CSV file with a path,title,duration_seconds header"));
    }

    @Override
    public int spiMajorVersion() {
        return SpiVersion.MAJOR;
    }

    @Override
    public Map<String, Object> validate(Map<String, String> options) throws SourceException {
        Path file = manifest(options.get(FILE));
        Manifest.header(file); // refuse a file that is not a manifest now, not at the first ingest
        return Map.of(FILE, file.toString());
    }

    @Override
    public SourceConnection connect(Map<String, Object> config, SourceContext context) throws SourceException {
        if (!(config.get(FILE) instanceof String file)) {
            throw new SourceException(SourceException.Code.INVALID_CONFIG, "the stored configuration has no file; set one with `source update SOURCE --file PATH`");
        }
        return new ManifestConnection(manifest(file));
    }

    /** The real path of a readable regular file, or an error that says what it is not. */
    static Path manifest(String given) throws SourceException {
        if (given == null || given.isBlank()) {
            throw new SourceException(SourceException.Code.INVALID_CONFIG, "--file is required: the CSV manifest of media files");
        }
        try {
            Path path = Path.of(given).toAbsolutePath().normalize();
            if (!Files.isRegularFile(path)) {
                throw new SourceException(SourceException.Code.INVALID_CONFIG, "manifest " + given + " does not exist or is not a file");
            }
            if (!Files.isReadable(path)) {
                throw new SourceException(SourceException.Code.INVALID_CONFIG, "manifest " + given + " is not readable by this user");
            }
            return path.toRealPath();
        } catch (InvalidPathException | java.io.IOException e) {
            throw new SourceException(SourceException.Code.INVALID_CONFIG, "manifest " + given + " cannot be used: " + e.getMessage());
        }
    }
}
