package org.retrovue.plugin.plex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.retrovue.fakeplex.FakePlexServer;
import org.retrovue.fakeplex.Library;
import org.retrovue.fakeplex.RecordedRequest;
import org.retrovue.spi.DiscoveredCollection;
import org.retrovue.spi.ScanRequest;
import org.retrovue.spi.ScanResult;
import org.retrovue.spi.ScannedItem;
import org.retrovue.spi.SourceConnection;
import org.retrovue.spi.SourceException;
import org.retrovue.spi.testkit.SourceKindContract;

/**
 * A scan is complete only when it saw every item the server announced; short, repeating and runaway listings fail
 * the scan (so the ingest marks nothing missing) after a bounded number of requests. One page at a time, so that the
 * requests can be checked one by one; {@link PlexConcurrencyTest} has the same rules with pages in flight.
 */
@Timeout(60)
class PlexPagingTest {
    private static final String TOKEN = "paging-test-secret-token";
    private final PlexSourceKind kind = new PlexSourceKind();
    private FakePlexServer plex;
    private SourceConnection connection;
    private DiscoveredCollection movies;
    private final CollectingSink sink = new CollectingSink();
    private final List<ScannedItem> items = sink.items;

    @BeforeEach
    void start() throws SourceException {
        plex = FakePlexServer.builder().token(TOKEN).library(Library.Type.MOVIE, "Movies", 2_500, "/data/movies").build().start();
        connection = kind.connect(kind.validate(Map.of("base-url", plex.baseUrl(), "token", TOKEN, "page-size", "1000", "concurrency", "1")),
                SourceKindContract.testContext());
        movies = connection.collections().getFirst();
    }

    @AfterEach
    void stop() {
        connection.close();
        plex.close();
    }

    private ScanResult scan() throws SourceException {
        return connection.scan(new ScanRequest(movies, null), sink);
    }

    private SourceException failedScan() {
        SourceException e = assertThrows(SourceException.class, this::scan);
        assertEquals(SourceException.Code.PROTOCOL, e.code(), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN));
        return e;
    }

    private List<String> pageStarts() {
        List<String> starts = new ArrayList<>();
        for (RecordedRequest request : plex.requests()) {
            if (request.path().endsWith("/all")) {
                String uri = request.uri();
                int at = uri.indexOf("X-Plex-Container-Start=");
                starts.add(uri.substring(at + "X-Plex-Container-Start=".length()).replaceAll("&.*", ""));
            }
        }
        return starts;
    }

    @Test
    void aCompleteListingIsComplete() throws Exception {
        assertFalse(scan().unchanged());
        assertEquals(2_500, items.size());
        assertEquals(List.of("0", "1000", "2000"), pageStarts());
    }

    @Test
    void aPageThatIsNotJsonIsOneLine() {
        plex.faults().setPagesNotJson(true);
        SourceException e = failedScan();
        assertTrue(e.getMessage().contains("is not Plex's JSON"), e.getMessage());
        assertTrue(items.isEmpty());
    }

    @Test
    void anEmptyPageBeforeTheAnnouncedTotalFailsTheScan() {
        plex.faults().setItemsServed(1_000);
        SourceException e = failedScan();
        assertEquals("Plex at " + plex.baseUrl() + " ended library 'Movies' after 1000 of the 2500 items it announced; nothing was marked"
                + " missing; scan again later", e.getMessage());
        assertEquals(1_000, items.size());
        assertEquals(List.of("0", "1000"), pageStarts());
    }

    @Test
    void aShortPageIsNotTheEnd() {
        plex.faults().setItemsServed(1_500);
        SourceException e = failedScan();
        assertEquals("Plex at " + plex.baseUrl() + " ended library 'Movies' after 1500 of the 2500 items it announced; nothing was marked"
                + " missing; scan again later", e.getMessage());
        assertEquals(List.of("0", "1000", "1500"), pageStarts(), "the next page starts where the short one ended");
    }

    @Test
    void pagesShorterThanAskedAreFollowedFromWhereTheyEnded() throws Exception {
        plex.faults().setPageCap(300);
        scan();
        assertEquals(2_500, items.size());
        assertEquals(2_500, new HashSet<>(items.stream().map(ScannedItem::key).toList()).size(), "every item, none twice");
        assertEquals(9, pageStarts().size());
    }

    @Test
    void aServerThatIgnoresPagingFailsAtTheFirstRepeatedPage() {
        plex.faults().setIgnorePaging(true);
        SourceException e = failedScan();
        assertEquals("Plex at " + plex.baseUrl() + " answered the page of library 'Movies' from item 2500 with items it had already sent"
                + " (it seems to ignore paging); nothing was marked missing; check the server (and any proxy in front of it) before scanning"
                + " again", e.getMessage());
        assertEquals(2, pageStarts().size());
        assertEquals(2_500, items.size(), "the repeated page is not delivered again");
    }

    @Test
    void aServerThatIgnoresPagingWithASmallLibraryIsComplete() throws Exception {
        plex.catalog().addLibrary(Library.Type.MOVIE, "Shorts", 40, "/data/shorts");
        DiscoveredCollection shorts = connection.collections().get(1);
        plex.faults().setIgnorePaging(true);
        connection.scan(new ScanRequest(shorts, null), sink);
        assertEquals(40, items.size());
        assertEquals(1, pageStarts().size());
    }

    @Test
    void aTotalThatKeepsGrowingFailsTheScanAfterABoundedNumberOfPages() {
        plex.faults().setTotalChange(1_000);
        SourceException e = failedScan();
        assertEquals("Plex at " + plex.baseUrl() + " announced 2500 items in library 'Movies', then kept listing more (6500); nothing was"
                + " marked missing; check the server (and any proxy in front of it) before scanning again", e.getMessage());
        assertEquals(List.of("0", "1000", "2000", "3000", "4000"), pageStarts());
    }

    @Test
    void aTotalThatGrowsALittleIsFollowed() throws Exception {
        plex.faults().setTotalChange(10);
        scan();
        assertEquals(2_520, items.size(), "2500, then 2510, then 2520 announced: followed to the last");
    }

    @Test
    void aTotalThatShrinksFailsTheScan() {
        plex.faults().setTotalChange(-100);
        SourceException e = failedScan();
        assertEquals("Plex at " + plex.baseUrl() + " listed library 'Movies' as 2500 items, then as 2400 during the scan; nothing was marked"
                + " missing; scan again later", e.getMessage());
        assertEquals(List.of("0", "1000"), pageStarts());
    }
}
