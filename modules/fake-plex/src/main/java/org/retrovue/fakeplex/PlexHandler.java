package org.retrovue.fakeplex;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.PrimitiveIterator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers every request as Plex does. The {@link Faults} come first: latency and stall for any request, then, once
 * the method is known to be GET (the only one served), drop and failure. Then the token (every path but
 * {@code /identity}), then the routes: {@code /identity}, {@code /} (the server's name and version), {@code /library/sections} and
 * {@code /library/sections/{key}/all}. Errors are small HTML pages, as Plex's are. Item pages are written to the
 * response as they are generated (chunked), so a page of any size costs no memory.
 */
final class PlexHandler implements HttpHandler {
    private static final String VERSION = "1.41.3.9314-a0bfb8370";
    private static final Pattern SECTION_ITEMS = Pattern.compile("/library/sections/([^/]+)/all");
    private static final String START = "X-Plex-Container-Start";
    private static final String SIZE = "X-Plex-Container-Size";
    private static final long DROPPED_LENGTH = 1 << 20;
    private static final String WEB_PAGE = "<!DOCTYPE html><html><head><title>Welcome to nginx!</title></head>"
            + "<body><h1>Welcome to nginx!</h1></body></html>";

    private final String machineIdentifier;
    private final String friendlyName;
    private final byte[] token;
    private final Catalog catalog;
    private final Faults faults;
    private final RequestLog log;
    private final CountDownLatch closing;
    private final AtomicLong abandoned;
    private final InFlight inFlight;
    /** How many listings were answered while the total changes ({@link Faults#setTotalChange}). */
    private final AtomicLong changedPages = new AtomicLong();

    PlexHandler(String machineIdentifier, String friendlyName, String token, Catalog catalog, Faults faults, RequestLog log, CountDownLatch closing,
                AtomicLong abandoned, InFlight inFlight) {
        this.machineIdentifier = machineIdentifier;
        this.friendlyName = friendlyName;
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.catalog = catalog;
        this.faults = faults;
        this.log = log;
        this.closing = closing;
        this.abandoned = abandoned;
        this.inFlight = inFlight;
    }

    /** Closing the exchange without a complete answer closes the connection: that is how stalls and drops end. */
    @Override
    public void handle(HttpExchange exchange) {
        String uri = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        log.add(new RecordedRequest(exchange.getRequestMethod(), uri, exchange.getRequestHeaders()));
        inFlight.begin();
        try {
            answer(exchange);
        } catch (IOException e) {
            // the client went away or the server is closing: the connection is closed below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.end();
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
        String redirect = faults.takeRedirect();
        if (redirect != null) {
            exchange.getResponseHeaders().set("Location", redirect + exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
            html(exchange, 302, "Found");
            return;
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            html(exchange, 405, "Method Not Allowed");
            return;
        }
        if (faults.dropConnections()) {
            drop(exchange);
            return;
        }
        if (faults.takeFailure()) {
            html(exchange, 500, "Internal Server Error");
            return;
        }
        try {
            route(exchange, new PlexRequest(exchange));
        } catch (IllegalArgumentException e) {
            html(exchange, 400, "Bad Request");
        }
    }

    private void route(HttpExchange exchange, PlexRequest request) throws IOException {
        String path = request.path();
        if (path.equals("/identity")) {
            identity(exchange, request);
        } else if (!authorized(request)) {
            html(exchange, 401, "Unauthorized");
        } else if (path.equals("/")) {
            container(exchange, request, new Node("MediaContainer")
                    .attr("size", 0)
                    .attr("friendlyName", friendlyName)
                    .attr("machineIdentifier", machineIdentifier)
                    .attr("version", VERSION), "Directory", 0, writer -> { });
        } else if (path.equals("/library/sections")) {
            sections(exchange, request);
        } else {
            Matcher items = SECTION_ITEMS.matcher(path);
            if (items.matches()) {
                items(exchange, request, items.group(1));
            } else {
                html(exchange, 404, "Not Found");
            }
        }
    }

    private boolean authorized(PlexRequest request) {
        return request.plexParameter("X-Plex-Token")
                .map(given -> MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token))
                .orElse(false);
    }

    private void identity(HttpExchange exchange, PlexRequest request) throws IOException {
        switch (faults.identity()) {
            case NOT_FOUND -> html(exchange, 404, "Not Found");
            case WEB_PAGE -> send(exchange, 200, "text/html", WEB_PAGE);
            case PLEX -> container(exchange, request, new Node("MediaContainer")
                    .attr("size", 0)
                    .attr("claimed", true)
                    .attr("machineIdentifier", machineIdentifier)
                    .attr("version", VERSION), "", 0, writer -> { });
        }
    }

    private void sections(HttpExchange exchange, PlexRequest request) throws IOException {
        List<Library> libraries = catalog.libraries();
        Node container = new Node("MediaContainer")
                .attr("size", libraries.size())
                .attr("allowSync", false)
                .attr("title1", "Plex Library");
        container(exchange, request, container, "Directory", libraries.size(), writer -> {
            for (Library library : libraries) {
                writer.child(directory(library));
            }
        });
    }

    private static Node directory(Library library) {
        Node directory = new Node("Directory")
                .attr("allowSync", true)
                .attr("key", library.key())
                .attr("type", library.type().plexName())
                .attr("title", library.title())
                .attr("agent", library.agent())
                .attr("scanner", library.scanner())
                .attr("language", library.language())
                .attr("uuid", library.uuid())
                .attr("updatedAt", library.updatedAt())
                .attr("createdAt", library.createdAt())
                .attr("scannedAt", library.scannedAt())
                .attr("content", true)
                .attr("directory", true)
                .attr("hidden", 0);
        for (Location location : library.locations()) {
            directory.child(new Node("Location").attr("id", location.id()).attr("path", location.path()));
        }
        return directory;
    }

    private void items(HttpExchange exchange, PlexRequest request, String key) throws IOException {
        Optional<Section> found = catalog.section(key);
        if (found.isEmpty()) {
            html(exchange, 404, "Not Found");
            return;
        }
        if (faults.pagesNotJson()) {
            html(exchange, 200, "Bad Gateway");
            return;
        }
        Section section = found.get();
        Library library = section.library();
        ItemType type = itemType(request, library);
        Listing listing = new Listing(section, type, request.query());
        boolean ignorePaging = faults.ignorePaging();
        int start = ignorePaging ? 0 : request.count(START, 0);
        int size = ignorePaging ? Integer.MAX_VALUE : Math.min(faults.pageCap(), request.count(SIZE, Integer.MAX_VALUE));
        int total = listing.totalSize();
        int repeated = ignorePaging ? -1 : faults.repeatedItem();
        if (repeated >= total) {
            repeated = -1;
        } else if (repeated >= 0) {
            total++;
        }
        int change = faults.totalChange();
        if (change != 0) {
            total = (int) Math.max(0, Math.min(Integer.MAX_VALUE, total + (long) change * changedPages.getAndIncrement()));
        }
        int served = faults.itemsServed() < 0 ? total : Math.min(total, faults.itemsServed());
        int pageSize = (int) Math.max(0, Math.min(size, (long) served - start));
        Node container = new Node("MediaContainer")
                .attr("size", pageSize);
        if (!ignorePaging) {
            container.attr("totalSize", total).attr("offset", start);
        }
        container.attr("allowSync", true)
                .attr("identifier", "com.plexapp.plugins.library")
                .attr("librarySectionID", library.number())
                .attr("librarySectionTitle", library.title())
                .attr("librarySectionUUID", library.uuid())
                .attr("title1", library.title())
                .attr("title2", type.title2)
                .attr("viewGroup", type.plexName);
        int padding = faults.itemPadding();
        String summary = padding > 0 ? "x".repeat(padding) : null;
        PrimitiveIterator.OfInt page = change != 0 ? IntStream.range(start, start + pageSize).iterator()
                : repeated >= 0 ? repeating(listing, start, pageSize, repeated) : listing.page(start, pageSize);
        boolean guids = "1".equals(request.query().get("includeGuids")); // like Plex: external ids only when asked for
        container(exchange, request, container, "Metadata", pageSize, writer -> {
            while (page.hasNext()) {
                Node item = guids ? listing.item(page.nextInt()) : listing.item(page.nextInt()).without("Guid");
                writer.child(summary == null ? item : item.attr("summary", summary));
            }
        });
    }

    /** The page's items when the item at position {@code repeated} comes twice: every later position shifts back by one. */
    private static PrimitiveIterator.OfInt repeating(Listing listing, int start, int size, int repeated) {
        if (size == 0) {
            return IntStream.empty().iterator();
        }
        int first = start <= repeated ? start : start - 1;
        int last = start + size - 1 <= repeated ? start + size - 1 : start + size - 2;
        int[] page = new int[last - first + 1];
        PrimitiveIterator.OfInt underlying = listing.page(first, page.length);
        for (int i = 0; i < page.length && underlying.hasNext(); i++) {
            page[i] = underlying.nextInt();
        }
        return IntStream.range(start, start + size).map(p -> page[(p <= repeated ? p : p - 1) - first]).iterator();
    }

    private static ItemType itemType(PlexRequest request, Library library) {
        String type = request.query().get("type");
        if (type == null) {
            return ItemType.defaultFor(library.type());
        }
        try {
            return ItemType.of(Integer.parseInt(type)).orElseThrow(() -> new IllegalArgumentException("unknown type " + type));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unknown type " + type, e);
        }
    }

    /**
     * Sends a 200 and streams the container: chunked, so nothing waits for the whole body. Under a
     * {@link Faults.BodyStall}, only the first half of the {@code childCount} children is sent, then the answer stalls.
     */
    private void container(HttpExchange exchange, PlexRequest request, Node container, String childKey, int childCount,
                           Children children) throws IOException {
        Format format = request.format();
        exchange.getResponseHeaders().set("Content-Type", format.contentType);
        exchange.getResponseHeaders().set("X-Plex-Protocol", "1.0");
        exchange.sendResponseHeaders(200, 0);
        OutputStreamWriter body = new OutputStreamWriter(exchange.getResponseBody(), StandardCharsets.UTF_8);
        Faults.BodyStall stall = faults.bodyStall(exchange.getRequestURI().getPath());
        if (stall != Faults.BodyStall.NONE) {
            stallMidway(body, format.writer(body), container, childKey, childCount, children, stall);
            return;
        }
        try (Writer out = new BufferedWriter(body, 1 << 16)) {
            ContainerWriter writer = format.writer(out);
            writer.begin(container, childKey);
            children.writeTo(writer);
            writer.end();
        }
    }

    /** Writes half the answer and never finishes it: waits for the server to close, trickling spaces if asked. */
    private void stallMidway(Writer out, ContainerWriter writer, Node container, String childKey, int childCount, Children children,
                             Faults.BodyStall stall) throws IOException {
        writer.begin(container, childKey);
        int half = childCount / 2;
        children.writeTo(new ContainerWriter() {
            private int written;

            @Override
            public void begin(Node node, String key) {
                throw new IllegalStateException("begun already");
            }

            @Override
            public void child(Node node) throws IOException {
                if (written++ < half) {
                    writer.child(node);
                }
            }

            @Override
            public void end() {
            }
        });
        out.flush();
        try {
            while (!closing.await(200, TimeUnit.MILLISECONDS)) {
                if (stall == Faults.BodyStall.TRICKLE) {
                    try {
                        out.write(' ');
                        out.flush();
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
        Format format = PlexRequest.format(exchange);
        String start = format == Format.JSON ? "{\"MediaContainer\":{\"size\":"
                : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<MediaContainer size=\"";
        exchange.getResponseHeaders().set("Content-Type", format.contentType);
        exchange.sendResponseHeaders(200, DROPPED_LENGTH);
        OutputStream body = exchange.getResponseBody();
        body.write(start.getBytes(StandardCharsets.UTF_8));
        body.flush();
    }

    private static void html(HttpExchange exchange, int status, String reason) throws IOException {
        send(exchange, status, "text/html", "<html><head><title>" + reason + "</title></head><body><h1>" + status + " "
                + reason + "</h1></body></html>");
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @FunctionalInterface
    private interface Children {
        void writeTo(ContainerWriter writer) throws IOException;
    }
}
