package org.retrovue.fakejellyfin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Answers every request as the dialect's server does. The {@link Faults} come first: latency and stall for any
 * request, then, once the method is known to be GET (the only one served), drop and failure, then the identity
 * switch. Then the base path, the key (every route but {@code /System/Info/Public}) and the routes:
 * {@code /System/Info/Public}, {@code /System/Info}, {@code /Library/VirtualFolders}, {@code /Library/VirtualFolders/Query}
 * (Emby only), {@code /Library/MediaFolders}, {@code /Items} and {@code /Users/{id}/Items}, matched without regard
 * to case as the servers match them. Refusals (401, 403, 404) have empty bodies; a bad parameter answers 400 with
 * one line. Item pages are written as they are generated (chunked), so a page of any size costs no memory.
 */
final class ApiHandler implements HttpHandler {
    private static final Pattern USER_ITEMS = Pattern.compile("/Users/[^/]+/Items", Pattern.CASE_INSENSITIVE);
    private static final long DROPPED_LENGTH = 1 << 20;
    private static final String JSON = "application/json; charset=utf-8";
    private static final String WEB_PAGE = "<!DOCTYPE html><html><head><title>Welcome to nginx!</title></head>"
            + "<body><h1>Welcome to nginx!</h1></body></html>";
    private static final String PLEX_IDENTITY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<MediaContainer size=\"0\" claimed=\"1\" machineIdentifier=\"%s\" version=\"1.41.3.9314-a0bfb8370\"> </MediaContainer>\n";
    private static final String PLEX_UNAUTHORIZED =
            "<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>";
    private static final Set<String> SORTS = Set.of("sortname", "datecreated", "default");

    private final FakeJellyfinServer server;
    private final Dialect dialect;
    private final Auth auth;
    private final Catalog catalog;
    private final Faults faults;
    private final RequestLog log;
    private final CountDownLatch closing;
    private final AtomicLong abandoned;
    /** How many item pages were answered while the total changes ({@link Faults#setTotalChange}). */
    private final AtomicLong changedPages = new AtomicLong();

    ApiHandler(FakeJellyfinServer server, Auth auth, Catalog catalog, Faults faults, RequestLog log, CountDownLatch closing,
               AtomicLong abandoned) {
        this.server = server;
        this.dialect = server.dialect();
        this.auth = auth;
        this.catalog = catalog;
        this.faults = faults;
        this.log = log;
        this.closing = closing;
        this.abandoned = abandoned;
    }

    /** Closing the exchange without a complete answer closes the connection: that is how stalls and drops end. */
    @Override
    public void handle(HttpExchange exchange) {
        String uri = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        log.add(new RecordedRequest(exchange.getRequestMethod(), uri, exchange.getRequestHeaders()));
        try {
            answer(exchange);
        } catch (IOException e) {
            // the client went away or the server is closing: the connection is closed below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private void answer(HttpExchange exchange) throws IOException, InterruptedException {
        long latency = faults.latencyMillis();
        if (latency > 0) {
            Thread.sleep(latency);
        }
        if (faults.stall()) {
            closing.await();
            return;
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            empty(exchange, 405);
            return;
        }
        if (faults.dropConnections()) {
            drop(exchange);
            return;
        }
        int failure = faults.takeFailure();
        if (failure != 0) {
            send(exchange, failure, "text/plain; charset=utf-8", "Error processing request.");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        switch (faults.identity()) {
            case WEB_PAGE -> {
                send(exchange, 200, "text/html", WEB_PAGE);
                return;
            }
            case PLEX -> {
                if (path.equals("/identity")) {
                    send(exchange, 200, "text/xml;charset=utf-8", PLEX_IDENTITY.formatted(Ids.guid(server.port())));
                } else {
                    send(exchange, 401, "text/html", PLEX_UNAUTHORIZED);
                }
                return;
            }
            case SERVER -> { }
        }
        Optional<String> apiPath = belowBasePath(path);
        if (apiPath.isEmpty()) {
            // Jellyfin's BaseUrlRedirectionMiddleware sends whatever is outside its base URL to its web client
            exchange.getResponseHeaders().set("Location", server.basePath() + "/web/");
            empty(exchange, 302);
            return;
        }
        try {
            route(exchange, new ApiRequest(exchange, apiPath.get()));
        } catch (IllegalArgumentException e) {
            send(exchange, 400, "text/plain; charset=utf-8", e.getMessage());
        }
    }

    /** The path below the base path; Emby answers at the root too, Jellyfin redirects (empty). */
    private Optional<String> belowBasePath(String path) {
        String base = server.basePath();
        if (base.isEmpty()) {
            return Optional.of(path);
        }
        if (path.regionMatches(true, 0, base, 0, base.length()) && path.length() > base.length()
                && path.charAt(base.length()) == '/') {
            return Optional.of(path.substring(base.length()));
        }
        return dialect == Dialect.EMBY ? Optional.of(path) : Optional.empty();
    }

    private void route(HttpExchange exchange, ApiRequest request) throws IOException, InterruptedException {
        String path = request.path();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.equalsIgnoreCase("/System/Info/Public")) {
            systemInfo(exchange, false);
        } else if (!auth.authorized(request)) {
            empty(exchange, 401);
        } else if (path.equalsIgnoreCase("/System/Info")) {
            systemInfo(exchange, true);
        } else if (path.equalsIgnoreCase("/Library/VirtualFolders")) {
            virtualFolders(exchange);
        } else if (path.equalsIgnoreCase("/Library/VirtualFolders/Query") && dialect == Dialect.EMBY) {
            virtualFolderQuery(exchange, request);
        } else if (path.equalsIgnoreCase("/Library/MediaFolders")) {
            mediaFolders(exchange);
        } else if (path.equalsIgnoreCase("/Items") || USER_ITEMS.matcher(path).matches()) {
            items(exchange, request);
        } else {
            empty(exchange, 404);
        }
    }

    private void systemInfo(HttpExchange exchange, boolean full) throws IOException {
        json(exchange, out -> {
            out.beginObject();
            out.member("LocalAddress", server.baseUrl());
            if (dialect == Dialect.EMBY) {
                out.name("LocalAddresses").beginArray().value(server.baseUrl()).endArray();
                out.name("RemoteAddresses").beginArray().endArray();
            }
            out.member("ServerName", server.serverName());
            out.member("Version", server.version());
            out.member("ProductName", server.productName());
            if (dialect == Dialect.JELLYFIN) {
                out.member("OperatingSystem", "");
            }
            out.member("Id", server.serverId());
            if (dialect == Dialect.JELLYFIN) {
                out.member("StartupWizardCompleted", true);
            }
            if (full) {
                out.member("OperatingSystemDisplayName", "Linux");
                out.member("HasPendingRestart", false);
                out.member("IsShuttingDown", false);
                out.member("SupportsLibraryMonitor", true);
                out.member("WebSocketPortNumber", server.port());
                out.member("CanSelfRestart", true);
                out.member("CanLaunchWebBrowser", false);
                out.member("HasUpdateAvailable", false);
                out.member("SystemArchitecture", "X64");
            }
            out.endObject();
        });
    }

    private void virtualFolders(HttpExchange exchange) throws IOException {
        List<Library> libraries = catalog.libraries();
        json(exchange, out -> {
            out.beginArray();
            for (Library library : libraries) {
                virtualFolder(out, library);
            }
            out.endArray();
        });
    }

    private void virtualFolderQuery(HttpExchange exchange, ApiRequest request) throws IOException {
        List<Library> libraries = catalog.libraries();
        int start = request.count("StartIndex", 0);
        int limit = request.count("Limit", Integer.MAX_VALUE);
        json(exchange, out -> {
            out.beginObject().name("Items").beginArray();
            libraries.stream().skip(start).limit(limit).forEach(library -> {
                try {
                    virtualFolder(out, library);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            out.endArray().member("TotalRecordCount", libraries.size()).endObject();
        });
    }

    private void virtualFolder(JsonWriter out, Library library) throws IOException {
        out.beginObject();
        out.member("Name", library.name());
        out.name("Locations").beginArray();
        for (String location : library.locations()) {
            out.value(location);
        }
        out.endArray();
        out.member("CollectionType", library.type().collectionType());
        out.name("LibraryOptions").beginObject().member("EnableRealtimeMonitor", true).endObject();
        out.member("ItemId", library.itemId());
        if (dialect == Dialect.EMBY) {
            out.member("Id", library.itemId());
            out.member("Guid", Ids.guid(library.number() * 31L + 7));
        } else {
            out.member("RefreshStatus", "Idle");
        }
        out.endObject();
    }

    private void mediaFolders(HttpExchange exchange) throws IOException {
        List<Library> libraries = catalog.libraries();
        json(exchange, out -> {
            out.beginObject().name("Items").beginArray();
            for (Library library : libraries) {
                out.beginObject()
                        .member("Name", library.name())
                        .member("ServerId", server.serverId())
                        .member("Id", library.itemId())
                        .member("IsFolder", true)
                        .member("Type", "CollectionFolder")
                        .member("CollectionType", library.type().collectionType())
                        .endObject();
            }
            out.endArray().member("TotalRecordCount", libraries.size());
            if (dialect == Dialect.JELLYFIN) {
                out.member("StartIndex", 0);
            }
            out.endObject();
        });
    }

    private void items(HttpExchange exchange, ApiRequest request) throws IOException, InterruptedException {
        if (faults.pagesNotJson()) {
            byte[] html = "<!doctype html><html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
            return;
        }
        List<Section> sections;
        Optional<String> parentId = request.parameter("ParentId").filter(id -> !id.isBlank());
        Optional<Section> parent = parentId.flatMap(catalog::section);
        if (parent.isPresent()) {
            if (parent.get().library().forbidden()) {
                empty(exchange, 403);
                return;
            }
            sections = List.of(parent.get());
        } else {
            // no parent, or one the server does not know: Jellyfin lists from the user's root folder, all libraries
            sections = catalog.sections().stream().filter(section -> !section.library().forbidden()).toList();
        }
        Listing listing = new Listing(sections, kinds(request), request.flag("Recursive"), descending(request), minSaved(request));
        int start = request.count("StartIndex", 0);
        int limit = Math.min(faults.pageCap(), request.count("Limit", Integer.MAX_VALUE));
        Set<String> fields = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        fields.addAll(request.list("Fields"));

        int repeated = faults.repeatedItem();
        int total = listing.total() + (repeated >= 0 && repeated < listing.total() ? 1 : 0);
        int served = faults.itemsServed() < 0 ? total : Math.min(total, faults.itemsServed());
        int pageSize = (int) Math.max(0, Math.min(limit, (long) served - start));
        int change = faults.totalChange();
        int announced = change == 0 ? total
                : (int) Math.max(0, Math.min(Integer.MAX_VALUE, total + (long) change * changedPages.getAndIncrement()));
        Iterator<Item> page = listing.page(dialect, start, pageSize, repeated);

        exchange.getResponseHeaders().set("Content-Type", JSON);
        exchange.sendResponseHeaders(200, 0);
        Writer body = new BufferedWriter(new OutputStreamWriter(exchange.getResponseBody(), StandardCharsets.UTF_8), 1 << 16);
        JsonWriter out = new JsonWriter(body);
        out.beginObject().name("Items").beginArray();
        Faults.BodyStall stall = faults.bodyStall();
        int written = 0;
        while (page.hasNext()) {
            if (stall != Faults.BodyStall.NONE && written == pageSize / 2) {
                stallMidway(body, stall);
                return;
            }
            ItemJson.write(out, page.next(), fields, dialect, server.serverId());
            written++;
        }
        if (stall != Faults.BodyStall.NONE) {
            stallMidway(body, stall);
            return;
        }
        out.endArray().member("TotalRecordCount", announced);
        if (dialect == Dialect.JELLYFIN) {
            out.member("StartIndex", start);
        }
        out.endObject();
        body.close();
    }

    /** {@code MinDateLastSaved} in epoch ms (an ISO-8601 date and time, as ASP.NET binds a DateTime), or Long.MIN_VALUE. */
    private static long minSaved(ApiRequest request) {
        Optional<String> value = request.parameter("MinDateLastSaved").filter(v -> !v.isBlank());
        if (value.isEmpty()) {
            return Long.MIN_VALUE;
        }
        try {
            return java.time.OffsetDateTime.parse(value.get().strip()).toInstant().toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("The value '" + value.get() + "' is not valid for MinDateLastSaved.");
        }
    }

    /** The kinds {@code IncludeItemTypes} asks for (unknown names list nothing), or null when it is not given. */
    private static List<ItemKind> kinds(ApiRequest request) {
        List<String> names = request.list("IncludeItemTypes");
        if (names.isEmpty()) {
            return null;
        }
        List<ItemKind> kinds = new ArrayList<>();
        for (String name : names) {
            ItemKind.of(name).ifPresent(kinds::add);
        }
        return kinds;
    }

    /** Index order is both SortName and DateCreated order; other sort keys are refused rather than faked. */
    private static boolean descending(ApiRequest request) {
        for (String sort : request.list("SortBy")) {
            if (!SORTS.contains(sort.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("this test server sorts by SortName or DateCreated only, not " + sort);
            }
        }
        List<String> orders = request.list("SortOrder");
        if (orders.isEmpty()) {
            return false;
        }
        String order = orders.getFirst();
        if (order.equalsIgnoreCase("Descending")) {
            return true;
        }
        if (order.equalsIgnoreCase("Ascending")) {
            return false;
        }
        throw new IllegalArgumentException("The value '" + order + "' is not valid for SortOrder.");
    }

    /** Sends what was written so far and never finishes: waits for the server to close, trickling spaces if asked. */
    private void stallMidway(Writer body, Faults.BodyStall stall) throws IOException {
        body.flush();
        try {
            while (!closing.await(200, TimeUnit.MILLISECONDS)) {
                if (stall == Faults.BodyStall.TRICKLE) {
                    try {
                        body.write(' ');
                        body.flush();
                    } catch (IOException e) {
                        abandoned.incrementAndGet();
                        throw e;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Promises a body of {@value #DROPPED_LENGTH} bytes, sends its first few; closing the exchange then drops the connection. */
    private static void drop(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", JSON);
        exchange.sendResponseHeaders(200, DROPPED_LENGTH);
        OutputStream body = exchange.getResponseBody();
        body.write("{\"Items\":[{\"Name\":".getBytes(StandardCharsets.UTF_8));
        body.flush();
    }

    @FunctionalInterface
    private interface Body {
        void writeTo(JsonWriter out) throws IOException;
    }

    private static void json(HttpExchange exchange, Body body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", JSON);
        exchange.sendResponseHeaders(200, 0);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(exchange.getResponseBody(), StandardCharsets.UTF_8), 1 << 16)) {
            body.writeTo(new JsonWriter(out));
        }
    }

    private static void empty(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
