package org.retrovue.plugin.plex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.retrovue.fakeplex.FakePlexServer;
import org.retrovue.fakeplex.Faults;
import org.retrovue.fakeplex.Library;
import org.retrovue.spi.DiscoveredCollection;
import org.retrovue.spi.ScanRequest;
import org.retrovue.spi.SourceConnection;
import org.retrovue.spi.SourceException;
import org.retrovue.spi.testkit.SourceKindContract;

/** Answers that stall midway or grow too large fail in bounded time and memory, with one line that says what happened. */
@Timeout(90)
class PlexAnswerTest {
    private static final String TOKEN = "answer-test-secret-token";
    private final PlexSourceKind kind = new PlexSourceKind();
    private FakePlexServer plex;

    @BeforeEach
    void start() {
        plex = FakePlexServer.builder().token(TOKEN).library(Library.Type.MOVIE, "Movies", 30, "/data/movies").build().start();
    }

    @AfterEach
    void stop() {
        plex.close();
    }

    private SourceConnection connect(String... options) throws SourceException {
        Map<String, String> given = new LinkedHashMap<>(Map.of("base-url", plex.baseUrl(), "token", TOKEN));
        for (int i = 0; i < options.length; i += 2) {
            given.put(options[i], options[i + 1]);
        }
        return kind.connect(kind.validate(given), SourceKindContract.testContext());
    }

    private static SourceException oneLine(SourceException e) {
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e;
    }

    @Test
    void aBodyThatStallsMidwayFailsWithinTheReadTimeout() throws Exception {
        plex.faults().setBodyStall(Faults.BodyStall.SILENT);
        long started = System.nanoTime();
        SourceException e;
        try (SourceConnection connection = connect("read-timeout", "1")) {
            e = oneLine(assertThrows(SourceException.class, connection::fingerprint));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0, "returned after " + took);
        assertEquals(SourceException.Code.UNREACHABLE, e.code(), "a stall, retried like any other");
        assertEquals("Plex at " + plex.baseUrl() + " stopped sending its answer to /identity midway and did not finish it within 1 s;"
                + " the server may be busy (raise --read-timeout) or stuck", e.getMessage());
    }

    @Test
    void aStalledBodyIsAbandonedWithItsConnection() throws Exception {
        plex.faults().setBodyStall(Faults.BodyStall.TRICKLE);
        try (SourceConnection connection = connect("read-timeout", "1")) {
            oneLine(assertThrows(SourceException.class, connection::fingerprint));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (plex.abandonedAnswers() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(1, plex.abandonedAnswers(), "the client closed the connection rather than leaving it open");
    }

    @Test
    void aPageThatStallsMidwayIsRetriedThenFailsTheScan() throws Exception {
        try (SourceConnection connection = connect("read-timeout", "1", "page-size", "10")) {
            DiscoveredCollection movies = connection.collections().getFirst();
            plex.faults().setBodyStall(Faults.BodyStall.SILENT, "/library/sections/" + movies.externalId() + "/all");
            long before = plex.requestCount();
            long started = System.nanoTime();
            SourceException e = oneLine(assertThrows(SourceException.class, () -> connection.scan(new ScanRequest(movies, null), new CollectingSink())));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            // four tries of 1 s each and 3.5 s of backoff between them
            assertTrue(took.compareTo(Duration.ofSeconds(25)) < 0, "returned after " + took);
            assertEquals(SourceException.Code.UNREACHABLE, e.code());
            assertEquals("Plex at " + plex.baseUrl() + " stopped sending a page of library 'Movies' (10 items from 0) midway and did not"
                    + " finish it within 1 s; the server may be busy (raise --read-timeout) or stuck (tried 4 times)", e.getMessage());
            assertEquals(1 + 4, plex.requestCount() - before, "/library/sections, then the first page four times");
        }
    }

    @Test
    void aPageLargerThanTheLimitIsRefusedAndNotTriedAgain() throws Exception {
        plex.faults().setItemPadding(1 << 20);
        try (SourceConnection connection = connect("page-size", "10")) {
            DiscoveredCollection movies = connection.collections().getFirst();
            long before = plex.requestCount();
            CollectingSink sink = new CollectingSink();
            SourceException e = oneLine(assertThrows(SourceException.class, () -> connection.scan(new ScanRequest(movies, null), sink)));
            assertEquals(SourceException.Code.PROTOCOL, e.code());
            assertEquals("Plex at " + plex.baseUrl() + " sent more than 8 MB for a page of library 'Movies' (10 items from 0); lower --page-size",
                    e.getMessage());
            assertEquals(2, plex.requestCount() - before, "/library/sections and one page, not retried");
            assertEquals(0, sink.items.size());
        }
    }

    @Test
    void theLimitGrowsWithThePageSizeWithinBounds() {
        assertEquals(8L << 20, PlexClient.pageLimit(10));
        assertEquals(1000L * 16 << 10, PlexClient.pageLimit(1000));
        assertEquals(64L << 20, PlexClient.pageLimit(10_000));
    }

    @Test
    void aHostThatDoesNotResolveIsSaidSoNotRefused() throws Exception {
        Map<String, Object> config = kind.validate(Map.of("base-url", "http://no-such-host.invalid:32400", "token", TOKEN));
        SourceException e = oneLine(assertThrows(SourceException.class, () -> {
            try (SourceConnection connection = kind.connect(config, SourceKindContract.testContext())) {
                connection.fingerprint();
            }
        }));
        assertEquals(SourceException.Code.UNREACHABLE, e.code());
        assertEquals("Plex at http://no-such-host.invalid:32400 has a host name (no-such-host.invalid) that does not resolve;"
                + " check --base-url and the DNS", e.getMessage());
    }

    @Test
    void failuresAreReadFromTheirCauses() throws Exception {
        PlexClient client = PlexClient.fromConfig(Map.of("base_url", "http://plex.example:32400", "token", TOKEN));
        SourceException memory = client.failure(new IOException("Java heap space", new OutOfMemoryError("Java heap space")),
                PlexClient.MIN_BODY_BYTES, "a page of library 'Movies' (1000 items from 0)");
        assertEquals(SourceException.Code.INTERNAL, memory.code(), "never retried");
        assertEquals("Plex at http://plex.example:32400 sent more for a page of library 'Movies' (1000 items from 0) than this process"
                + " could hold; lower --page-size", memory.getMessage());
        SourceException unresolved = client.failure(new ConnectException("x"), 1, "x");
        assertTrue(unresolved.getMessage().endsWith("refused the connection; check --base-url and that Plex Media Server is running"));
        ConnectException wrapped = new ConnectException();
        wrapped.initCause(new UnknownHostException("plex.example"));
        assertTrue(client.failure(wrapped, 1, "x").getMessage().contains("does not resolve"));
        SourceException odd = client.failure(new IOException("line one\nline two"), 1, "x");
        assertEquals("Plex at http://plex.example:32400 could not be reached: IOException line one line two", odd.getMessage());
    }
}
