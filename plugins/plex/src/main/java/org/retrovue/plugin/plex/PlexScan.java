package org.retrovue.plugin.plex;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.retrovue.spi.ScanRequest;
import org.retrovue.spi.ScanResult;
import org.retrovue.spi.ScanSink;
import org.retrovue.spi.SourceContext;
import org.retrovue.spi.SourceException;

/**
 * Lists one library's movies ({@code type=1}) or episodes ({@code type=4}) page by page, several pages in flight
 * (bounded: {@code --concurrency}), each page delivered in order as soon as it and those before it have come. The library's {@code updatedAt} (and {@code contentChangedAt} where the
 * server has it) is its version: when it has not moved since the last complete scan, nothing is listed. A request
 * that stalls (before or during its answer), drops or gets a server error is tried again after 0.5, 1 and 2 s; then
 * the scan fails. A page larger than {@link PlexClient#pageLimit} is refused at once, never tried again.
 */
final class PlexScan {
    static final int DEFAULT_PAGE_SIZE = 1000;
    private static final long[] BACKOFF_MILLIS = {500, 1000, 2000};
    /** The most items a library that announces no total may list: beyond, the server is taken to repeat itself. */
    static final long UNANNOUNCED_MAX_ITEMS = 5_000_000;
    private static final String AGAIN = "scan again later";
    private static final String CHECK = "check the server (and any proxy in front of it) before scanning again";

    private final PlexClient client;
    private final int pageSize;
    private final int concurrency;
    private final SourceContext context;

    PlexScan(PlexClient client, int pageSize, int concurrency, SourceContext context) {
        this.client = client;
        this.pageSize = pageSize;
        this.concurrency = concurrency;
        this.context = context;
    }

    ScanResult scan(ScanRequest request, ScanSink sink) throws SourceException {
        String key = request.collection().externalId();
        // a first listing (no version to compare with) asks its first page with the library's lookup, of the type
        // the library had when it was discovered (a Plex library keeps its type); --concurrency 1: one request at a time
        int discovered = request.previousVersion() == null && concurrency > 1 ? type(request.collection().config().get("type")) : 0;
        Listing early = discovered == 0 ? null : new Listing(key, discovered, sink).start();
        try {
            Map<String, Object> library = library(key);
            String version = version(library);
            if (version != null && version.equals(request.previousVersion())) {
                return ScanResult.unchanged(version);
            }
            int type = type(library.get("type"));
            if (type == 0) {
                sink.warning("library '" + library.get("title") + "' holds " + library.get("type") + " items, which are not ingested (movies and shows are)");
                return ScanResult.complete(version);
            }
            Listing listing = early != null && early.type == type ? early : new Listing(key, type, sink).start();
            listing.run(String.valueOf(library.get("title")));
            return ScanResult.complete(version);
        } finally {
            if (early != null) {
                early.abandon();
            }
        }
    }

    /** Plex's number for the items of a library type (1 movies, 4 episodes); 0 for a type whose items are not ingested. */
    private static int type(Object libraryType) {
        return switch (String.valueOf(libraryType)) {
            case "movie" -> 1;
            case "show" -> 4;
            default -> 0;
        };
    }

    /**
     * One pass over a library's items. Pages through it, up to {@code concurrency} pages in flight once the first
     * page has told the total, each page given to the sink in order on the calling thread as soon as it and those
     * before it have come: at
     * most {@code concurrency} pages in memory, never the library. The scan is complete only when the items reach
     * the {@code totalSize} the server announces (or, from a server that announces none, at a page shorter than
     * asked: then one page at a time, as there is no telling where the library ends). A scan that ends short of it
     * (an empty page), a total that shrinks (items deleted during the scan shift the later ones to pages already
     * read) or runs away (beyond twice the first total plus a page), or a page that starts with an item an earlier
     * page started with (a server that ignores paging) fails with {@code PROTOCOL}, so that the ingest marks nothing
     * missing. A total that grows a little is followed: an item inserted before a page shifts the later ones
     * forward, so one may be listed twice (it is delivered once) but none is missed.
     */
    private final class Listing {
        /** A page asked for; {@code read}: its items, read on the client's thread as soon as it came whole with a 200. */
        private record Slot(long start, int size, PlexClient.Pending pending, CompletableFuture<PageReader.Page> read) {}

        private final String key;
        private final int type;
        private final ScanSink sink;
        private String title;
        private final long limit = PlexClient.pageLimit(pageSize);
        private final Deque<Slot> window = new ArrayDeque<>();
        private final Set<String> pageStarts = new HashSet<>();
        private final Set<String> seen = new HashSet<>();
        private boolean first = true;
        private long announced = -1;
        private long expected = -1;
        private long next;
        private int step = pageSize;

        Listing(String key, int type, ScanSink sink) {
            this.key = key;
            this.type = type;
            this.sink = sink;
        }

        /** Asks for the first page, alone: it tells the total, which the other pages are checked against. */
        Listing start() {
            window.add(send(0, step));
            next = step;
            return this;
        }

        /** Lists library {@code title} from the first page asked. */
        void run(String title) throws SourceException {
            this.title = title;
            try {
                while (!window.isEmpty()) {
                    if (cancelled()) {
                        throw new SourceException(SourceException.Code.UNREACHABLE, "Plex at " + client.baseUrl()
                                + " was not asked for the rest of library '" + title + "': interrupted");
                    }
                    Slot slot = window.poll();
                    if (!page(slot, take(slot))) {
                        return;
                    }
                    int inFlight = announced >= 0 ? concurrency : 1;
                    while (window.size() < inFlight && (announced < 0 || next < expected)) {
                        window.add(send(next, step));
                        next += step;
                    }
                }
            } finally {
                abandon();
            }
        }

        void abandon() {
            window.forEach(slot -> slot.pending().abandon());
            window.clear();
        }

        /** Delivers one page; false when the listing is complete. */
        private boolean page(Slot slot, PageReader.Page page) throws SourceException {
            List<PageReader.Entry> items = page.entries();
            long total = page.total();
            long start = slot.start();
            if (first) {
                first = false;
                announced = total;
                expected = total;
                if (total >= 0) {
                    sink.expect(total);
                }
            } else if (announced >= 0 && total >= 0 && total < announced) {
                throw incomplete("listed library '" + title + "' as " + announced + " items, then as " + total + " during the scan", AGAIN);
            }
            long bound = announced >= 0 ? 2 * announced + pageSize : UNANNOUNCED_MAX_ITEMS;
            if (total > bound || start + items.size() > bound) {
                throw incomplete(announced >= 0
                        ? "announced " + announced + " items in library '" + title + "', then kept listing more (" + Math.max(total, start + items.size()) + ")"
                        : "listed more than " + UNANNOUNCED_MAX_ITEMS + " items in library '" + title + "' without announcing a total", CHECK);
            }
            if (!items.isEmpty() && items.getFirst().key() != null && !pageStarts.add(items.getFirst().key())) {
                throw incomplete("answered the page of library '" + title + "' from item " + start + " with items it had already sent"
                        + " (it seems to ignore paging)", CHECK);
            }
            if (total > expected) { // a library that grows during the scan is followed (within the bound)
                expected = total;
            }
            for (PageReader.Entry entry : items) {
                deliver(entry);
            }
            long end = start + items.size();
            if (expected < 0) {
                if (items.size() < slot.size()) {
                    return false;
                }
                next = end;
                return true;
            }
            if (items.isEmpty()) {
                if (start >= expected) {
                    return false;
                }
                throw incomplete("ended library '" + title + "' after " + start + " of the " + expected + " items it announced", AGAIN);
            }
            if (end >= expected && window.isEmpty()) {
                return false;
            }
            if (items.size() < slot.size() && end < expected) {
                // the server (or a proxy) gives fewer items than asked: go on from here in pages of what it gives
                window.forEach(s -> s.pending().abandon());
                window.clear();
                step = items.size();
                next = end;
            }
            return true;
        }

        private void deliver(PageReader.Entry entry) {
            if (entry.key() != null && !seen.add(entry.key())) {
                sink.warning("library '" + title + "' listed item " + entry.key() + " (" + entry.title() + ") twice; it was taken once");
            } else if (entry.item() != null) {
                sink.item(entry.item());
            } else {
                sink.warning("item " + entry.key() + " (" + entry.title() + ") has no media file; skipped");
            }
        }

        /**
         * Asks for a page. Its answer is read into items on the thread that received it, while this thread delivers
         * the pages before it: reading a page costs about as much as storing its items, and the two then overlap.
         */
        private Slot send(long start, int size) {
            PlexClient.Pending pending = client.send(path(start, size), limit);
            boolean episodes = type == 4;
            CompletableFuture<PageReader.Page> read = pending.response().thenApply(answer -> {
                if (answer.statusCode() != 200) {
                    return null; // redirects and refusals are this thread's affair (PlexClient.body)
                }
                try {
                    return PageReader.read(answer.body(), episodes);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            return new Slot(start, size, pending, read);
        }

        private String path(long start, int size) {
            return "/library/sections/" + key + "/all?type=" + type + "&includeGuids=1"
                    + "&X-Plex-Container-Start=" + start + "&X-Plex-Container-Size=" + size;
        }

        /** A page: the answer of the request in flight, or, when that failed and it is worth it, of a new one after a pause. */
        private PageReader.Page take(Slot slot) throws SourceException {
            String path = path(slot.start(), slot.size());
            String what = "a page of library '" + title + "' (" + slot.size() + " items from " + slot.start() + ")";
            for (int attempt = 0; ; attempt++) {
                try {
                    PlexClient.Pending pending = attempt == 0 ? slot.pending() : client.send(path, limit);
                    PlexClient.Answer answer = client.await(pending, limit, what);
                    try {
                        if (attempt == 0 && answer.status() == 200) {
                            return readAhead(slot);
                        }
                        return PageReader.read(client.body(answer, path, limit, what), type == 4);
                    } catch (java.io.IOException | java.io.UncheckedIOException e) {
                        throw client.notPlex("its answer to " + path + " is not Plex's JSON");
                    } catch (OutOfMemoryError e) {
                        throw client.failure(e, limit, what);
                    }
                } catch (SourceException e) {
                    backOff(e, attempt);
                }
            }
        }

        /** The items of a page that came whole with a 200, once its reading, begun when it came, is done. */
        private PageReader.Page readAhead(Slot slot) {
            try {
                return slot.read().join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime; // UncheckedIOException: not Plex's JSON
                }
                if (e.getCause() instanceof Error error) {
                    throw error; // OutOfMemoryError: a page larger than this process could hold
                }
                throw e;
            }
        }
    }

    /** A scan that cannot be trusted to have seen every item: one line, and the ingest marks nothing missing. */
    private SourceException incomplete(String what, String todo) {
        return new SourceException(SourceException.Code.PROTOCOL, "Plex at " + client.baseUrl() + " " + what
                + "; nothing was marked missing; " + todo);
    }

    private Map<String, Object> library(String key) throws SourceException {
        for (Map<String, Object> directory : PlexJson.list(withRetries("/library/sections", PlexClient.MIN_BODY_BYTES, "its answer to /library/sections"), "Directory")) {
            if (key.equals(String.valueOf(directory.get("key")))) {
                return directory;
            }
        }
        throw new SourceException(SourceException.Code.NOT_FOUND, "the server no longer has library " + key
                + "; run `retrovue source discover` to update its collections");
    }

    private static String version(Map<String, Object> library) {
        Object updatedAt = library.get("updatedAt");
        if (updatedAt == null) {
            return null;
        }
        Object contentChangedAt = library.get("contentChangedAt");
        return "updatedAt=" + updatedAt + (contentChangedAt == null ? "" : ",contentChangedAt=" + contentChangedAt);
    }

    private Map<String, Object> withRetries(String path, long limit, String what) throws SourceException {
        for (int attempt = 0; ; attempt++) {
            try {
                return client.get(path, limit, what);
            } catch (SourceException e) {
                backOff(e, attempt);
            }
        }
    }

    /** Sleeps before attempt {@code attempt + 1} of a request that failed with {@code e}, or throws when it is not worth it. */
    private void backOff(SourceException e, int attempt) throws SourceException {
        if (e.code() != SourceException.Code.UNREACHABLE || attempt >= BACKOFF_MILLIS.length || cancelled()) {
            throw attempt == 0 ? e : new SourceException(e.code(), e.getMessage() + " (tried " + (attempt + 1) + " times)", e);
        }
        try {
            Thread.sleep(BACKOFF_MILLIS[attempt]);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    private boolean cancelled() {
        return context.cancelled() || Thread.currentThread().isInterrupted();
    }
}
