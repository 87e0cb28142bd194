package org.retrovue.example.manifest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.retrovue.spi.DiscoveredCollection;
import org.retrovue.spi.ItemKind;
import org.retrovue.spi.ScanRequest;
import org.retrovue.spi.ScanResult;
import org.retrovue.spi.ScanSink;
import org.retrovue.spi.ScannedItem;
import org.retrovue.spi.SourceConnection;
import org.retrovue.spi.SourceContext;
import org.retrovue.spi.SourceException;
import org.retrovue.spi.SourceHealth;

/**
 * One manifest, a file here or served over HTTP: its identity is its path or URL; its one collection is the list it
 * holds. Paths in a file are files here (relative to its folder); paths in a served manifest are as the server sees
 * them (relative to the URL's folder), which path mappings translate.
 */
final class ManifestConnection implements SourceConnection {
    /** How many problems of a manifest discovery names; the scan warns of each. */
    private static final int NAMED_PROBLEMS = 3;

    private final Path file;
    private final ServedManifest served;
    private final Charset encoding;
    private final SourceContext context;

    ManifestConnection(Path file, ServedManifest served, Charset encoding, SourceContext context) {
        this.file = file;
        this.served = served;
        this.encoding = encoding;
        this.context = context;
    }

    @Override
    public String fingerprint() {
        return served != null ? served.url().toString() : file.toString();
    }

    @Override
    public String displayName() {
        return served != null ? "manifest '" + fileName() + "' on " + served.url().getAuthority() : "manifest " + file;
    }

    @Override
    public List<DiscoveredCollection> collections() throws SourceException {
        return collections(warning -> {});
    }

    @Override
    public List<DiscoveredCollection> collections(Consumer<String> warnings) throws SourceException {
        int problems = 0;
        try (Manifest manifest = Manifest.open(fingerprint(), copy().text())) {
            for (String column : manifest.unknownColumns()) {
                warnings.accept("column '" + column + "' is not one the manifest type reads (" + String.join(",", Manifest.COLUMNS) + "); ignored");
            }
            for (Manifest.Row row = manifest.next(); row != null; row = manifest.next()) {
                for (String note : row.notes()) {
                    if (problems++ < NAMED_PROBLEMS) {
                        warnings.accept(note);
                    }
                }
            }
        }
        if (problems > NAMED_PROBLEMS) {
            warnings.accept((problems - NAMED_PROBLEMS) + " more problems in the manifest; `source ingest` names each");
        }
        String name = fileName().replaceFirst("\\.[^.]*$", "");
        return List.of(new DiscoveredCollection("manifest", name, List.of(folder()), Map.of("file", fingerprint())));
    }

    @Override
    public ScanResult scan(ScanRequest request, ScanSink sink) throws SourceException {
        ServedManifest.Copy copy = copy();
        if (copy.etag() != null && copy.etag().equals(request.previousVersion())) {
            return ScanResult.unchanged(copy.etag()); // the server's ETag is the manifest's version
        }
        long started = System.nanoTime();
        sink.expect(rows(copy.text()));
        int items = 0;
        try (Manifest manifest = Manifest.open(fingerprint(), copy.text())) {
            for (Manifest.Row row = manifest.next(); row != null; row = manifest.next()) {
                stopIfCancelled();
                row.notes().forEach(sink::warning);
                if (row.path() != null) {
                    sink.item(item(row));
                    items++;
                }
            }
        }
        context.logger().log(System.Logger.Level.DEBUG, "read " + items + " items of " + fingerprint() + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        return ScanResult.complete(copy.etag());
    }

    /** How many rows the manifest has: a quick first pass, for the progress shown while the items are stored. */
    private long rows(Manifest.Text text) throws SourceException {
        long rows = 0;
        try (Manifest manifest = Manifest.open(fingerprint(), text)) {
            for (Manifest.Row row = manifest.next(); row != null; row = manifest.next()) {
                stopIfCancelled();
                rows += row.path() != null ? 1 : 0;
            }
        }
        return rows;
    }

    private void stopIfCancelled() throws SourceException {
        if (context.cancelled()) {
            throw new SourceException(SourceException.Code.INTERNAL, "stopped while reading manifest " + fingerprint());
        }
    }

    private ScannedItem item(Manifest.Row row) {
        long size = -1;
        Instant modified = null;
        String path;
        if (served == null) {
            Path local = file.getParent().resolve(row.path()).normalize();
            path = local.toString();
            try {
                BasicFileAttributes attributes = Files.readAttributes(local, BasicFileAttributes.class);
                size = attributes.size();
                modified = attributes.lastModifiedTime().toInstant();
            } catch (IOException e) {
                // listed but not here: RetroVue stores it and flags it
            }
        } else {
            path = Path.of(folder()).resolve(row.path()).normalize().toString();
        }
        ItemKind kind = row.show() != null ? ItemKind.EPISODE : row.year() != null ? ItemKind.MOVIE : ItemKind.OTHER;
        return new ScannedItem(row.path(), path, size, modified, row.durationMillis(), row.title(), kind, row.show(), row.season(), row.episode())
                .withDetails(row.year(), row.episodeEnd(), row.airDate(), row.providerIds())
                .withVersion(row.version() != null ? row.version() : Manifest.hash(row.raw()));
    }

    @Override
    public SourceHealth health() {
        if (served != null) {
            return served.health();
        }
        try (Manifest manifest = Manifest.open(fingerprint(), copy().text())) {
            return SourceHealth.healthy(SourceHealth.Check.NOT_APPLICABLE, null, null);
        } catch (SourceException e) {
            return SourceHealth.unreachable(e.getMessage());
        }
    }

    private ServedManifest.Copy copy() throws SourceException {
        if (served != null) {
            return served.fetch();
        }
        return new ServedManifest.Copy(() -> new BufferedReader(new InputStreamReader(Files.newInputStream(file), encoding.newDecoder())), null);
    }

    private String fileName() {
        if (served == null) {
            return file.getFileName().toString();
        }
        String path = served.url().getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() ? served.url().getHost() : name;
    }

    /** Where the listed files are: the manifest's folder here, or the URL's folder as the server sees it. */
    private String folder() {
        if (served == null) {
            return file.getParent().toString();
        }
        String path = served.url().getPath();
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    @Override
    public void close() {
        if (served != null) {
            served.close();
        }
    }
}
