package org.retrovue.plugin.plex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.retrovue.spi.DiscoveredCollection;
import org.retrovue.spi.ScanRequest;
import org.retrovue.spi.ScanResult;
import org.retrovue.spi.ScanSink;
import org.retrovue.spi.SourceConnection;
import org.retrovue.spi.SourceContext;
import org.retrovue.spi.SourceException;
import org.retrovue.spi.SourceHealth;

/** One server: its identity, its libraries, and their items. */
final class PlexConnection implements SourceConnection {
    private final PlexClient client;
    private final int pageSize;
    private final int concurrency;
    private final SourceContext context;

    PlexConnection(PlexClient client, int pageSize, int concurrency, SourceContext context) {
        this.client = client;
        this.pageSize = pageSize;
        this.concurrency = concurrency;
        this.context = context;
    }

    @Override
    public ScanResult scan(ScanRequest request, ScanSink sink) throws SourceException {
        return new PlexScan(client, pageSize, concurrency, context).scan(request, sink);
    }

    /** Closes the connections to the server, so that none outlives the caller's use (a resident process runs long). */
    @Override
    public void close() {
        client.close();
    }

    @Override
    public String fingerprint() throws SourceException {
        Object id = client.identity().get("machineIdentifier");
        if (!(id instanceof String machineIdentifier) || machineIdentifier.isBlank()) {
            throw client.notPlex("its /identity has no machineIdentifier");
        }
        return machineIdentifier;
    }

    /** {@code Plex server 'Living Room'}: the name the server was given, which {@code GET /} tells holders of the token. */
    @Override
    public String displayName() throws SourceException {
        String name = text(client.get("/"), "friendlyName");
        return name == null ? fingerprint() : "Plex server '" + name + "'";
    }

    /**
     * {@code GET /} needs the token and tells the server's name and version: it answers, the token is taken, or
     * it is refused (then {@code /identity}, which needs none, still tells the version).
     */
    @Override
    public SourceHealth health() {
        try {
            Map<String, Object> root = client.get("/");
            return SourceHealth.healthy(SourceHealth.Check.OK, text(root, "friendlyName"), text(root, "version"));
        } catch (SourceException e) {
            if (e.code() != SourceException.Code.UNAUTHORIZED) {
                return SourceHealth.unreachable(e.getMessage());
            }
            String version = null;
            try {
                version = text(client.identity(), "version");
            } catch (SourceException alsoFailed) {
                // the refusal is what matters
            }
            return SourceHealth.credentialsRejected(null, version, e.getMessage());
        }
    }

    private static String text(Map<String, Object> container, String key) {
        return container.get(key) instanceof String value && !value.isBlank() ? value : null;
    }

    @Override
    public List<DiscoveredCollection> collections() throws SourceException {
        return collections(warning -> {});
    }

    /** The movie and show libraries; the others (music, photos) are left out, each with a warning. */
    @Override
    public List<DiscoveredCollection> collections(Consumer<String> warnings) throws SourceException {
        List<DiscoveredCollection> collections = new ArrayList<>();
        for (Map<String, Object> directory : PlexJson.list(client.get("/library/sections"), "Directory")) {
            Object key = directory.get("key");
            Object title = directory.get("title");
            if (key == null || title == null) {
                continue;
            }
            Object type = directory.get("type");
            if (!"movie".equals(type) && !"show".equals(type)) {
                warnings.accept("skipped the " + title + " library: " + holds(type) + " are not ingested (movies and shows are)");
                continue;
            }
            List<String> locations = new ArrayList<>();
            for (Map<String, Object> location : PlexJson.list(directory, "Location")) {
                if (location.get("path") instanceof String path) {
                    locations.add(path);
                }
            }
            Map<String, Object> config = new LinkedHashMap<>();
            for (String field : List.of("type", "agent", "scanner", "language", "uuid")) {
                if (directory.get(field) != null) {
                    config.put(field, directory.get(field).toString());
                }
            }
            config.put("locations", List.copyOf(locations));
            collections.add(new DiscoveredCollection(key.toString(), title.toString(), locations, config));
        }
        return collections;
    }

    private static String holds(Object type) {
        return switch (String.valueOf(type)) {
            case "artist" -> "its music items";
            case "photo" -> "its photos";
            case "null" -> "items of no stated type";
            default -> "its " + type + " items";
        };
    }
}
