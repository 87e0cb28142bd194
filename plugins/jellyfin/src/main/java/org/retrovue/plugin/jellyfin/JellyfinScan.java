package org.retrovue.plugin.jellyfin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.retrovue.spi.ItemKind;
import org.retrovue.spi.ScanRequest;
import org.retrovue.spi.ScanResult;
import org.retrovue.spi.ScanSink;
import org.retrovue.spi.ScannedItem;
import org.retrovue.spi.SourceContext;
import org.retrovue.spi.SourceException;

/**
 * Lists one library's movies and episodes ({@code /Items} with {@code ParentId}, {@code Recursive=true}) page by
 * page, up to {@code concurrency} pages in flight, each page given to the sink in order on the calling thread as
 * soon as it and those before it have come: at most {@code concurrency} pages in memory, never the library.
 *
 * <p>Pages are sorted by {@code DateCreated,SortName}: with no SortBy Jellyfin sorts by SortName alone, without a
 * tie-breaker, so items whose names tie could move between pages; creation order also puts new items last, so that
 * an item added during a scan shifts nothing already read. The library is looked up first: an unknown ParentId
 * would list every library. A request that stalls, drops or gets a server error is tried again, on its own, after
 * 0.5, 1 and 2 s; then the scan fails (and the other collections go on).
 */
final class JellyfinScan {
    private static final long[] BACKOFF_MILLIS = {500, 1000, 2000};
    private static final String FIELDS = "Path,MediaSources,Etag,DateCreated,ProviderIds";
    private static final String AGAIN = "scan again later";
    /** How much earlier than the server's clock a listing counts as started: its Date header is to the second. */
    private static final java.time.Duration SAVED_MARGIN = java.time.Duration.ofSeconds(5);

    private final JellyfinConnection connection;
    private final JellyfinClient client;
    private final int pageSize;
    private final int concurrency;
    private final SourceContext context;

    JellyfinScan(JellyfinConnection connection, JellyfinClient client, int pageSize, int concurrency, SourceContext context) {
        this.connection = connection;
        this.client = client;
        this.pageSize = pageSize;
        this.concurrency = concurrency;
        this.context = context;
    }

    ScanResult scan(ScanRequest request, ScanSink sink) throws SourceException {
        String key = request.collection().externalId();
        Version previous = Version.parse(request.previousVersion());
        // the two counts go out with the library's lookup (one round trip, not two); only read once it is found
        Counts counts = previous == null ? null : new Counts(key, previous);
        // a first listing (no version to compare with) asks for its first page with the library's lookup (with
        // --concurrency 1, one request at a time: after it)
        Listing listing = previous == null && concurrency > 1 ? new Listing(key, sink).start() : null;
        try {
            Map<String, Object> library = library(key);
            String name = String.valueOf(library.get("Name"));
            String type = JellyfinConnection.type(library);
            if (!JellyfinConnection.ingested(type)) {
                sink.warning("library '" + name + "' holds " + JellyfinConnection.holds(type).substring(4) + ", which are not ingested (movies and episodes are)");
                return ScanResult.complete(null);
            }
            Instant serverTime = client.serverTime(); // from the answers read so far: before any item of this library is read
            if (counts != null && counts.unchanged()) {
                return ScanResult.unchanged(request.previousVersion());
            }
            if (listing == null) {
                listing = new Listing(key, sink).start();
            }
            long total = listing.run(name);
            return ScanResult.complete(serverTime == null ? null : new Version(total, serverTime.minus(SAVED_MARGIN)).toString());
        } finally {
            if (counts != null) {
                counts.abandon();
            }
            if (listing != null) {
                listing.abandon();
            }
        }
    }

    /**
     * A library's version: how many movies and episodes it listed, and the server's time (its {@code Date} header,
     * a little earlier) before the listing started. It has not changed when it still counts as many and none was
     * saved since ({@code MinDateLastSaved}: an item added, changed, moved or given another file is saved; one
     * removed lowers the count). A server that ignores MinDateLastSaved counts every item as saved: listed again.
     */
    record Version(long items, Instant savedSince) {
        private static final String PREFIX = "items=";
        private static final String SINCE = ";saved-since=";

        static Version parse(String text) {
            if (text == null || !text.startsWith(PREFIX) || !text.contains(SINCE)) {
                return null;
            }
            try {
                int at = text.indexOf(SINCE);
                return new Version(Long.parseLong(text.substring(PREFIX.length(), at)), Instant.parse(text.substring(at + SINCE.length())));
            } catch (RuntimeException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return PREFIX + items + SINCE + savedSince;
        }
    }

    /** Two counts, asked at once: the library's items now, and those saved since the last complete listing. */
    private final class Counts {
        private final Version previous;
        private final String all;
        private final String saved;
        private final JellyfinClient.Pending countAll;
        private final JellyfinClient.Pending countSaved;

        Counts(String key, Version previous) {
            this.previous = previous;
            all = query(key) + "&StartIndex=0&Limit=1";
            saved = all + "&MinDateLastSaved=" + previous.savedSince();
            countAll = client.send(all, true, JellyfinClient.MIN_BODY_BYTES);
            countSaved = client.send(saved, true, JellyfinClient.MIN_BODY_BYTES);
        }

        boolean unchanged() throws SourceException {
            long now = total(count(all, countAll));
            long since = total(count(saved, countSaved));
            return now == previous.items() && since == 0;
        }

        void abandon() {
            countAll.abandon();
            countSaved.abandon();
        }
    }

    private Object count(String path, JellyfinClient.Pending pending) throws SourceException {
        String what = "its count of a library's items";
        for (int attempt = 0; ; attempt++) {
            try {
                return attempt == 0
                        ? client.read(client.await(pending, JellyfinClient.MIN_BODY_BYTES, what), path, true, JellyfinClient.MIN_BODY_BYTES, what)
                        : client.get(path, true, JellyfinClient.MIN_BODY_BYTES, what);
            } catch (SourceException e) {
                backOff(e, attempt);
            }
        }
    }

    private long total(Object answer) throws SourceException {
        long total = answer instanceof Map<?, ?> map ? Json.number(map.get("TotalRecordCount"), -1) : -1;
        if (total < 0) {
            throw client.notServer("its count of a library's items has no TotalRecordCount");
        }
        return total;
    }

    private static String query(String key) {
        return "/Items?ParentId=" + URLEncoder.encode(key, StandardCharsets.UTF_8) + "&Recursive=true&IncludeItemTypes=Movie,Episode&IsMissing=false";
    }

    private Map<String, Object> library(String key) throws SourceException {
        for (int attempt = 0; ; attempt++) {
            try {
                for (Map<String, Object> folder : connection.libraries()) {
                    if (key.equals(JellyfinConnection.libraryId(folder))) {
                        return folder;
                    }
                }
                throw new SourceException(SourceException.Code.NOT_FOUND, client.server() + " no longer has library " + key
                        + "; run `retrovue source discover` to update its collections");
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

    /** One pass over a library's items. */
    private final class Listing {
        /** A page asked for; {@code read}: its items, read on the client's thread as soon as it came whole with a 200. */
        private record Slot(long start, int size, JellyfinClient.Pending pending, CompletableFuture<PageReader.Page> read) {}

        private final String key;
        private final ScanSink sink;
        private String name;
        private final long limit = JellyfinClient.pageLimit(pageSize);
        private final Deque<Slot> window = new ArrayDeque<>();
        private final Set<String> seen = new HashSet<>();
        private long announced = -1;
        private long expected;
        private long next;
        private int step = pageSize;
        private boolean grewWarned;

        Listing(String key, ScanSink sink) {
            this.key = key;
            this.sink = sink;
        }

        /**
         * Asks for the first page, alone: its total is the one the others are checked against (a total lower than it
         * means items were deleted during the scan), so it must be taken before any other page is asked for.
         */
        Listing start() {
            window.add(send(0, step));
            next = step;
            return this;
        }

        /** Lists library {@code name} from the pages asked; returns how many items the server last said it holds. */
        long run(String name) throws SourceException {
            this.name = name;
            try {
                while (!window.isEmpty()) {
                    if (cancelled()) {
                        throw client.unreachable("was not asked for the rest of library '" + name + "': interrupted");
                    }
                    Slot slot = window.poll();
                    PageReader.Page page = take(slot);
                    if (!page(slot, page)) {
                        return expected;
                    }
                    while (window.size() < concurrency && next < expected) {
                        int size = step;
                        window.add(send(next, size));
                        next += size;
                    }
                }
                return expected;
            } finally {
                abandon();
            }
        }

        void abandon() {
            window.forEach(slot -> slot.pending().abandon());
            window.clear();
        }

        /** Delivers one page; false when the listing has ended. */
        private boolean page(Slot slot, PageReader.Page page) throws SourceException {
            List<PageReader.Entry> items = page.entries();
            long total = page.total();
            if (total < 0) {
                throw client.notServer("its page of library '" + name + "' has no TotalRecordCount");
            }
            if (announced < 0) {
                announced = total;
                expected = total;
                sink.expect(total);
            } else if (total < announced) {
                throw incomplete("listed library '" + name + "' as " + announced + " items, then as " + total + " during the scan", AGAIN);
            } else if (total > expected) {
                if (!grewWarned) {
                    sink.warning("library '" + name + "' grew from " + announced + " to " + total + " items during the scan; the new ones were"
                            + " listed as far as the server sent them");
                    grewWarned = true;
                }
                expected = total;
                sink.expect(total);
            }
            for (PageReader.Entry item : items) {
                deliver(item);
            }
            long end = slot.start() + items.size();
            if (items.isEmpty()) {
                if (slot.start() >= expected) {
                    return false;
                }
                if (slot.start() >= announced) {
                    sink.warning("library '" + name + "' announced " + expected + " items but listed " + slot.start() + "; took what it listed");
                    return false;
                }
                throw incomplete("ended library '" + name + "' after " + slot.start() + " of the " + announced + " items it announced", AGAIN);
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
            String id = entry.id();
            if (id == null) {
                sink.warning("library '" + name + "' listed an item without an Id; skipped");
                return;
            }
            if (!seen.add(id)) {
                sink.warning("library '" + name + "' listed item " + id + " (" + entry.name() + ") twice; it was taken once");
                return;
            }
            if (entry.item() != null) {
                sink.item(entry.item());
            } else {
                sink.warning("item " + id + " (" + entry.name() + ") has no file on the server; skipped");
            }
        }

        /**
         * Asks for a page. Its answer is read into items on the thread that received it, while this thread delivers
         * the pages before it: reading a page costs about as much as storing its items, and the two then overlap.
         */
        private Slot send(long start, int size) {
            JellyfinClient.Pending pending = client.send(path(start, size), true, limit);
            CompletableFuture<PageReader.Page> read = pending.response().thenApply(answer -> {
                if (answer.statusCode() != 200) {
                    return null; // redirects and refusals are this thread's affair (JellyfinClient.body)
                }
                try {
                    return PageReader.read(answer.body());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            return new Slot(start, size, pending, read);
        }

        private String path(long start, int size) {
            return query(key) + "&SortBy=DateCreated,SortName&SortOrder=Ascending&Fields=" + FIELDS
                    + "&EnableImages=false&EnableUserData=false&StartIndex=" + start + "&Limit=" + size;
        }

        private String what(Slot slot) {
            return "a page of library '" + name + "' (" + slot.size() + " items from " + slot.start() + ")";
        }

        /** A page: the answer of the request in flight, or, when that failed and it is worth it, of a new one after a pause. */
        private PageReader.Page take(Slot slot) throws SourceException {
            String path = path(slot.start(), slot.size());
            String what = what(slot);
            for (int attempt = 0; ; attempt++) {
                try {
                    JellyfinClient.Answer answer = client.await(attempt == 0 ? slot.pending() : client.send(path, true, limit), limit, what);
                    if (attempt == 0 && answer.status() == 200) {
                        return readAhead(slot);
                    }
                    java.io.InputStream body = client.body(answer, path, true, limit, what);
                    try {
                        return PageReader.read(body);
                    } catch (java.io.IOException e) {
                        throw notAList();
                    }
                } catch (SourceException e) {
                    backOff(e, attempt);
                }
            }
        }

        /** The items of a page that came whole with a 200, once its reading, begun when it came, is done. */
        private PageReader.Page readAhead(Slot slot) throws SourceException {
            try {
                return slot.read().join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof java.io.UncheckedIOException) {
                    throw notAList();
                }
                throw e;
            }
        }

        private SourceException notAList() {
            return client.notServer("its page of library '" + name + "' is not the JSON of a list of items");
        }
    }

    private SourceException incomplete(String what, String todo) {
        return new SourceException(SourceException.Code.PROTOCOL, client.server() + " " + what + "; nothing was marked missing; " + todo);
    }
}
