package org.retrovue.plugin.plex;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.retrovue.spi.ItemKind;
import org.retrovue.spi.ScanRequest;
import org.retrovue.spi.ScanResult;
import org.retrovue.spi.ScanSink;
import org.retrovue.spi.ScannedItem;
import org.retrovue.spi.SourceException;

/**
 * Lists one library's movies ({@code type=1}) or episodes ({@code type=4}) page by page (only one page in memory
 * at a time), each item as it comes. The library's {@code updatedAt} (and {@code contentChangedAt} where the
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

    PlexScan(PlexClient client, int pageSize) {
        this.client = client;
        this.pageSize = pageSize;
    }

    ScanResult scan(ScanRequest request, ScanSink sink) throws SourceException {
        String key = request.collection().externalId();
        Map<String, Object> library = library(key);
        String version = version(library);
        if (version != null && version.equals(request.previousVersion())) {
            return ScanResult.unchanged(version);
        }
        int type = switch (String.valueOf(library.get("type"))) {
            case "movie" -> 1;
            case "show" -> 4;
            default -> 0;
        };
        if (type == 0) {
            sink.warning("library '" + library.get("title") + "' holds " + library.get("type") + " items, which are not ingested (movies and shows are)");
            return ScanResult.complete(version);
        }
        return list(key, type, String.valueOf(library.get("title")), version, sink);
    }

    /**
     * Pages through the library, each page asked from where the last one ended. The scan is complete only when
     * the items reach the {@code totalSize} the server announces (or, from a server that announces none, at a page
     * shorter than asked). A scan that ends short of it (an empty page), a total that shrinks (items deleted during
     * the scan shift the later ones to pages already read) or runs away (beyond twice the first total plus a page),
     * or a page that starts with an item an earlier page started with (a server that ignores paging) fails with
     * {@code PROTOCOL}, so that the ingest marks nothing missing. A total that grows a little is followed: an item
     * inserted before the current page shifts the later ones forward, so one may be seen twice but none is missed.
     */
    private ScanResult list(String key, int type, String title, String version, ScanSink sink) throws SourceException {
        long limit = PlexClient.pageLimit(pageSize);
        long announced = -1;
        Set<String> pageStarts = new HashSet<>();
        for (long start = 0; ; ) {
            Map<String, Object> page = withRetries("/library/sections/" + key + "/all?type=" + type + "&includeGuids=1"
                    + "&X-Plex-Container-Start=" + start + "&X-Plex-Container-Size=" + pageSize, limit,
                    "a page of library '" + title + "' (" + pageSize + " items from " + start + ")");
            List<Map<String, Object>> items = PlexJson.list(page, "Metadata");
            long total = number(page.get("totalSize"), -1);
            if (start == 0) {
                announced = total;
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
            if (!items.isEmpty() && items.getFirst().get("ratingKey") != null
                    && !pageStarts.add(items.getFirst().get("ratingKey").toString())) {
                throw incomplete("answered the page of library '" + title + "' from item " + start + " with items it had already sent"
                        + " (it seems to ignore paging)", CHECK);
            }
            for (Map<String, Object> item : items) {
                ScannedItem scanned = item(item, type);
                if (scanned != null) {
                    sink.item(scanned);
                } else {
                    sink.warning("item " + item.get("ratingKey") + " (" + item.get("title") + ") has no media file; skipped");
                }
            }
            start += items.size();
            long expected = total >= 0 ? total : announced; // a library that grows during the scan is followed (within the bound)
            if (expected >= 0) {
                if (start >= expected) {
                    return ScanResult.complete(version);
                }
                if (items.isEmpty()) {
                    throw incomplete("ended library '" + title + "' after " + start + " of the " + expected + " items it announced", AGAIN);
                }
            } else if (items.size() < pageSize) {
                return ScanResult.complete(version);
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

    private static ScannedItem item(Map<String, Object> item, int type) {
        Object ratingKey = item.get("ratingKey");
        List<Map<String, Object>> media = PlexJson.list(item, "Media");
        if (ratingKey == null || media.isEmpty()) {
            return null;
        }
        List<Map<String, Object>> parts = PlexJson.list(media.getFirst(), "Part");
        if (parts.isEmpty() || !(parts.getFirst().get("file") instanceof String file)) {
            return null;
        }
        long updatedAt = number(item.get("updatedAt"), -1);
        Object duration = item.get("duration") != null ? item.get("duration") : media.getFirst().get("duration");
        boolean episode = type == 4;
        return new ScannedItem(ratingKey.toString(), file, number(parts.getFirst().get("size"), -1),
                updatedAt < 0 ? null : Instant.ofEpochSecond(updatedAt), duration instanceof Number n ? n.longValue() : null,
                item.get("title") == null ? null : item.get("title").toString(), episode ? ItemKind.EPISODE : ItemKind.MOVIE,
                episode && item.get("grandparentTitle") != null ? item.get("grandparentTitle").toString() : null,
                episode ? integer(item.get("parentIndex")) : null, episode ? integer(item.get("index")) : null)
                .withDetails(integer(item.get("year")), null, date(item.get("originallyAvailableAt")), providerIds(item));
    }

    /** Plex's {@code originallyAvailableAt} ({@code 2002-12-20}); null when absent or not a date. */
    private static LocalDate date(Object value) {
        if (value instanceof String text) {
            try {
                return LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    /** The item's {@code Guid} children ({@code imdb://tt0579539}, {@code tmdb://1399}) by provider. */
    private static Map<String, String> providerIds(Map<String, Object> item) {
        Map<String, String> ids = new TreeMap<>();
        for (Map<String, Object> guid : PlexJson.list(item, "Guid")) {
            if (guid.get("id") instanceof String id) {
                int at = id.indexOf("://");
                if (at > 0 && at + 3 < id.length()) {
                    ids.putIfAbsent(id.substring(0, at).toLowerCase(Locale.ROOT), id.substring(at + 3));
                }
            }
        }
        return ids;
    }

    private Map<String, Object> withRetries(String path, long limit, String what) throws SourceException {
        for (int attempt = 0; ; attempt++) {
            try {
                return client.get(path, limit, what);
            } catch (SourceException e) {
                if (e.code() != SourceException.Code.UNREACHABLE || attempt >= BACKOFF_MILLIS.length || Thread.currentThread().isInterrupted()) {
                    throw attempt == 0 ? e : new SourceException(e.code(), e.getMessage() + " (tried " + (attempt + 1) + " times)", e);
                }
                try {
                    Thread.sleep(BACKOFF_MILLIS[attempt]);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static long number(Object value, long fallback) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    private static Integer integer(Object value) {
        long n = number(value, Long.MIN_VALUE);
        return n == Long.MIN_VALUE ? null : (int) n;
    }
}
