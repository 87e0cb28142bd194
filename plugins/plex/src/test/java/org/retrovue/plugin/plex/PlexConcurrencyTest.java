package org.retrovue.plugin.plex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.retrovue.fakeplex.FakePlexServer;
import org.retrovue.fakeplex.Faults;
import org.retrovue.fakeplex.Library;
import org.retrovue.spi.DiscoveredCollection;
import org.retrovue.spi.ScanRequest;
import org.retrovue.spi.ScannedItem;
import org.retrovue.spi.SourceConnection;
import org.retrovue.spi.SourceException;
import org.retrovue.spi.testkit.SourceKindContract;

/**
 * Pages in flight (--concurrency): as many as asked and no more, delivered in the library's order, and the paging
 * rules of {@link PlexPagingTest} (short pages, totals that change, an item listed twice, errors, stalls, drops)
 * hold with several pages out at once.
 */
@Timeout(60)
class PlexConcurrencyTest {
    private static final String TOKEN = "concurrency-test-secret-token";
    private final PlexSourceKind kind = new PlexSourceKind();
    private final CollectingSink sink = new CollectingSink();
    private FakePlexServer plex;
    private SourceConnection connection;
    private DiscoveredCollection movies;

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.close();
        }
        if (plex != null) {
            plex.close();
        }
    }

    private void connect(Duration latency, String... options) throws SourceException {
        stop();
        plex = FakePlexServer.builder().token(TOKEN).latency(latency).library(Library.Type.MOVIE, "Movies", 2_500, "/data/movies").build().start();
        Map<String, String> given = new HashMap<>(Map.of("base-url", plex.baseUrl(), "token", TOKEN, "page-size", "100"));
        for (int i = 0; i < options.length; i += 2) {
            given.put(options[i], options[i + 1]);
        }
        connection = kind.connect(kind.validate(given), SourceKindContract.testContext());
        movies = connection.collections().getFirst();
        plex.resetMostInFlight();
    }

    private void scan() throws SourceException {
        connection.scan(new ScanRequest(movies, null), sink);
    }

    private List<String> keys() {
        return sink.items.stream().map(ScannedItem::key).toList();
    }

    private SourceException failure(Executable scan, SourceException.Code code) {
        SourceException e = assertThrows(SourceException.class, scan);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
        return e;
    }

    @Test
    void theConcurrencyIsAnOptionFromOneToSixteenAndFourByDefault() throws SourceException {
        Map<String, String> base = Map.of("base-url", "http://plex.example:32400", "token", "t");
        assertNull(kind.validate(base).get("concurrency"), "the default is not stored, so that a later default applies");
        Map<String, String> eight = new HashMap<>(base);
        eight.put("concurrency", "8");
        assertEquals(8, kind.validate(eight).get("concurrency"));
        for (String wrong : List.of("0", "17", "many")) {
            Map<String, String> options = new HashMap<>(base);
            options.put("concurrency", wrong);
            SourceException e = assertThrows(SourceException.class, () -> kind.validate(options));
            assertEquals(SourceException.Code.INVALID_CONFIG, e.code());
            assertTrue(e.getMessage().startsWith("--concurrency must be"), e.getMessage());
        }
        assertEquals("4", kind.options().stream().filter(o -> o.name().equals("concurrency")).findFirst().orElseThrow().defaultValue());
    }

    @Test
    void severalPagesAreInFlightAtOnceAndNoMoreThanAsked() throws SourceException {
        connect(Duration.ofMillis(50), "concurrency", "1");
        scan();
        List<String> oneByOne = keys();
        assertEquals(1, plex.mostInFlight());

        sink.items.clear();
        connect(Duration.ofMillis(50), "concurrency", "4");
        scan();
        assertTrue(plex.mostInFlight() > 1, "pages in flight at once: " + plex.mostInFlight());
        assertTrue(plex.mostInFlight() <= 4, "never more than --concurrency: " + plex.mostInFlight());
        assertEquals(oneByOne, keys(), "the same items in the same order as one page at a time");
        assertEquals(2_500, new HashSet<>(keys()).size());
        assertEquals(List.of(2_500L, 2_500L), sink.expected);
    }

    @Test
    void aFirstListingAsksItsFirstPageWithTheLibrarysLookup() throws SourceException {
        connect(Duration.ofMillis(400), "page-size", "2000", "concurrency", "4");
        long before = plex.requestCount();
        long started = System.nanoTime();
        scan();
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(2_500, sink.items.size());
        // the lookup with the first page, then the second: two 400 ms round trips, where one after the other took three
        assertTrue(millis < 1_100, "a first listing of two pages took " + millis + " ms");
        assertEquals(3, plex.requestCount() - before, "the lookup and two pages");
    }

    @Test
    void anItemListedTwiceIsTakenOnce() throws SourceException {
        connect(Duration.ZERO);
        plex.faults().setRepeatedItem(399); // the last of a page, so the next page (in flight meanwhile) starts with it again
        scan();
        assertEquals(2_500, sink.items.size());
        assertEquals(2_500, new HashSet<>(keys()).size());
        assertEquals(1, sink.warnings.size(), sink.warnings.toString());
        assertTrue(sink.warnings.getFirst().contains("twice; it was taken once"), sink.warnings.toString());
    }

    @Test
    void pagesShorterThanAskedAreFollowedFromWhereTheyEnded() throws SourceException {
        connect(Duration.ZERO);
        plex.faults().setPageCap(30);
        scan();
        assertEquals(2_500, new HashSet<>(keys()).size());
        assertEquals(2_500, sink.items.size());
        assertTrue(sink.warnings.isEmpty(), sink.warnings.toString());
    }

    @Test
    void aTotalThatGrowsIsFollowedOneThatShrinksOrRunsAwayFails() throws SourceException {
        connect(Duration.ZERO);
        plex.faults().setTotalChange(1);
        scan();
        assertTrue(sink.items.size() >= 2_500 + 20, "followed to the last total: " + sink.items.size());
        assertEquals(sink.items.size(), new HashSet<>(keys()).size());

        connect(Duration.ZERO); // a new server: its totals change from the true count again
        plex.faults().setTotalChange(-10);
        assertTrue(failure(this::scan, SourceException.Code.PROTOCOL).getMessage().contains("during the scan; nothing was marked missing"));

        connect(Duration.ZERO);
        plex.faults().setTotalChange(200);
        long before = plex.requestCount();
        assertTrue(failure(this::scan, SourceException.Code.PROTOCOL).getMessage().contains("then kept listing more"));
        assertTrue(plex.requestCount() - before < 30, "a bounded number of requests: " + (plex.requestCount() - before));
    }

    @Test
    void pagesThatEndBeforeTheTotalFail() throws SourceException {
        connect(Duration.ZERO);
        plex.faults().setItemsServed(1_050);
        SourceException e = failure(this::scan, SourceException.Code.PROTOCOL);
        assertEquals("Plex at " + plex.baseUrl() + " ended library 'Movies' after 1050 of the 2500 items it announced; nothing was marked"
                + " missing; scan again later", e.getMessage());
        assertEquals(1_050, sink.items.size());
    }

    @Test
    void aServerThatIgnoresPagingStillFails() throws SourceException {
        connect(Duration.ZERO);
        plex.faults().setIgnorePaging(true);
        assertTrue(failure(this::scan, SourceException.Code.PROTOCOL).getMessage().contains("it seems to ignore paging"));
        assertEquals(2_500, sink.items.size());
    }

    @Test
    void serverErrorsAreTriedAgainThenFailTheScan() throws SourceException {
        connect(Duration.ZERO);
        plex.faults().failNext(3);
        scan();
        assertEquals(2_500, new HashSet<>(keys()).size());
        assertEquals(2_500, sink.items.size());

        plex.faults().setFailureRate(1);
        assertTrue(failure(this::scan, SourceException.Code.UNREACHABLE).getMessage().contains("(tried 4 times)"));
    }

    @Test
    void aStalledPageIsGivenUpWithItsConnection() throws Exception {
        connect(Duration.ZERO, "read-timeout", "1");
        plex.faults().setBodyStall(Faults.BodyStall.TRICKLE, "/library/sections/");
        assertTrue(failure(this::scan, SourceException.Code.UNREACHABLE).getMessage().contains("midway"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (plex.abandonedAnswers() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(plex.abandonedAnswers() > 0, "the stalled answers' connections were closed");
    }

    @Test
    void droppedConnectionsFailTheScanOnOneLine() throws SourceException {
        connect(Duration.ZERO);
        plex.faults().setDropConnections(true);
        assertTrue(failure(this::scan, SourceException.Code.UNREACHABLE).getMessage().contains("(tried 4 times)"));
        assertTrue(sink.items.isEmpty());
    }
}
