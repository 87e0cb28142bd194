package org.retrovue.plugin.jellyfin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

/** One Jellyfin or Emby server: its identity, its libraries, and their items. */
final class JellyfinConnection implements SourceConnection {
    /** Libraries whose movies and episodes are ingested: movies, shows, and mixed ones (which have no CollectionType). */
    private static final List<String> INGESTED = List.of("movies", "tvshows", "mixed");
    private static final int LIBRARY_PAGE = 100;

    private final JellyfinClient client;
    private final int pageSize;
    private final int concurrency;
    private final SourceContext context;
    private Map<String, Object> info;

    JellyfinConnection(JellyfinClient client, int pageSize, int concurrency, SourceContext context) {
        this.client = client;
        this.pageSize = pageSize;
        this.concurrency = concurrency;
        this.context = context;
    }

    @Override
    public void close() {
        client.close();
    }

    /** {@code /System/Info}, after {@code /System/Info/Public} said this is a server of the right kind; asked once. */
    private Map<String, Object> info() throws SourceException {
        if (info == null) {
            client.publicInfo();
            info = client.object("/System/Info");
        }
        return info;
    }

    @Override
    public String fingerprint() throws SourceException {
        String id = Json.text(info(), "Id");
        if (id == null) {
            throw client.notServer("its /System/Info has no Id");
        }
        return id.toLowerCase(Locale.ROOT);
    }

    /** {@code Jellyfin server 'Living Room'}: the ServerName the server was given. */
    @Override
    public String displayName() throws SourceException {
        String name = Json.text(info(), "ServerName");
        return name == null ? fingerprint() : client.dialect().product + " server '" + name + "'";
    }

    /**
     * {@code /System/Info/Public} tells whether the server answers, what it is and its version; {@code /System/Info}
     * whether it takes the key.
     */
    @Override
    public SourceHealth health() {
        Map<String, Object> open;
        try {
            open = client.publicInfo();
        } catch (SourceException e) {
            return SourceHealth.unreachable(e.getMessage());
        }
        try {
            Map<String, Object> full = client.object("/System/Info");
            return SourceHealth.healthy(SourceHealth.Check.OK, Json.text(full, "ServerName"), Json.text(full, "Version"));
        } catch (SourceException e) {
            if (e.code() == SourceException.Code.UNAUTHORIZED) {
                return SourceHealth.credentialsRejected(Json.text(open, "ServerName"), Json.text(open, "Version"), e.getMessage());
            }
            return SourceHealth.unreachable(e.getMessage());
        }
    }

    @Override
    public List<DiscoveredCollection> collections() throws SourceException {
        return collections(warning -> {});
    }

    /** The movie, show and mixed libraries; the others (music, photos and home videos, books, box sets) each with a warning. */
    @Override
    public List<DiscoveredCollection> collections(Consumer<String> warnings) throws SourceException {
        List<DiscoveredCollection> collections = new ArrayList<>();
        for (Map<String, Object> folder : libraries()) {
            String id = libraryId(folder);
            String name = Json.text(folder, "Name");
            if (id == null || name == null) {
                continue;
            }
            String type = type(folder);
            if (!INGESTED.contains(type)) {
                warnings.accept("skipped the " + name + " library: " + holds(type) + " are not ingested (movies and episodes are)");
                continue;
            }
            List<String> locations = new ArrayList<>();
            if (folder.get("Locations") instanceof List<?> list) {
                for (Object location : list) {
                    if (location instanceof String path && !path.isBlank()) {
                        locations.add(path);
                    }
                }
            }
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("collection_type", type);
            config.put("locations", List.copyOf(locations));
            collections.add(new DiscoveredCollection(id, name, locations, config));
        }
        return collections;
    }

    /** Every library ("virtual folder"): Jellyfin lists them at once, Emby page by page. */
    List<Map<String, Object>> libraries() throws SourceException {
        if (client.dialect() == Dialect.JELLYFIN) {
            Object root = client.get("/Library/VirtualFolders", true, JellyfinClient.MIN_BODY_BYTES, "its list of libraries");
            if (!(root instanceof List<?>)) {
                throw client.notServer("its /Library/VirtualFolders is not a list");
            }
            return Json.objects(root);
        }
        List<Map<String, Object>> all = new ArrayList<>();
        for (int start = 0; ; ) {
            Map<String, Object> page = client.object("/Library/VirtualFolders/Query?StartIndex=" + start + "&Limit=" + LIBRARY_PAGE);
            List<Map<String, Object>> items = Json.list(page, "Items");
            all.addAll(items);
            start += items.size();
            long total = Json.number(page.get("TotalRecordCount"), -1);
            if (items.isEmpty() || start >= total || start > 100_000) {
                return all;
            }
        }
    }

    static String libraryId(Map<String, Object> folder) {
        String id = Json.text(folder, "ItemId");
        return id != null ? id : Json.text(folder, "Id");
    }

    /** The library's CollectionType in lower case; "mixed" when it has none. */
    static String type(Map<String, Object> folder) {
        String type = Json.text(folder, "CollectionType");
        return type == null ? "mixed" : type.toLowerCase(Locale.ROOT);
    }

    static boolean ingested(String type) {
        return INGESTED.contains(type);
    }

    static String holds(String type) {
        return switch (type) {
            case "music" -> "its music items";
            case "musicvideos" -> "its music videos";
            case "homevideos", "photos" -> "its photos and home videos";
            case "books" -> "its books";
            case "boxsets" -> "its box sets (whose movies other libraries hold)";
            default -> "its " + type + " items";
        };
    }

    @Override
    public ScanResult scan(ScanRequest request, ScanSink sink) throws SourceException {
        return new JellyfinScan(this, client, pageSize, concurrency, context).scan(request, sink);
    }
}
