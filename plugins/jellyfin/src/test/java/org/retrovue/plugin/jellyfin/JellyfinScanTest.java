package org.retrovue.plugin.jellyfin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.retrovue.fakejellyfin.Dialect;
import org.retrovue.fakejellyfin.FakeJellyfinServer;
import org.retrovue.fakejellyfin.Faults;
import org.retrovue.fakejellyfin.Library;
import org.retrovue.fakejellyfin.RecordedRequest;
import org.retrovue.spi.DiscoveredCollection;
import org.retrovue.spi.ItemKind;
import org.retrovue.spi.ScanRequest;
import org.retrovue.spi.ScanResult;
import org.retrovue.spi.ScannedItem;
import org.retrovue.spi.SourceConnection;
import org.retrovue.spi.SourceException;
import org.retrovue.spi.SourceHealth;
import org.retrovue.spi.SourceKind;
import org.retrovue.spi.testkit.SourceKindContract;

/** Discovery, the mapping of items, paging with pages in flight, and each failure as one line without the key. */
@Timeout(60)
class JellyfinScanTest {
    private static final String KEY = "scan-test-secret-api-key";
    private FakeJellyfinServer server;
    private SourceConnection connection;
    private final CollectingSink sink = new CollectingSink();

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private SourceConnection connect(FakeJellyfinServer.Builder builder, String... options) throws SourceException {
        server = builder.apiKey(KEY).build().start();
        SourceKind kind = server.dialect() == Dialect.EMBY ? new EmbySourceKind() : new JellyfinSourceKind();
        java.util.Map<String, String> given = new java.util.HashMap<>(Map.of("base-url", server.baseUrl(), "api-key", KEY));
        for (int i = 0; i < options.length; i += 2) {
            given.put(options[i], options[i + 1]);
        }
        connection = kind.connect(kind.validate(given), SourceKindContract.testContext());
        return connection;
    }

    private DiscoveredCollection collection(String name) throws SourceException {
        return connection.collections().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private void scan(String name) throws SourceException {
        connection.scan(new ScanRequest(collection(name), null), sink);
    }

    private SourceException failure(org.junit.jupiter.api.function.Executable action) {
        SourceException e = assertThrows(SourceException.class, action);
        assertFalse(e.getMessage().contains(KEY), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    @Test
    void identityLibrariesAndSkippedKinds() throws SourceException {
        connect(FakeJellyfinServer.builder().basePath("/jellyfin").serverName("Den").sampleLibraries(2, 10)
                .library(Library.Type.MUSIC, "Music", 5, "/data/music").library(Library.Type.HOMEVIDEOS, "Photos", 5, "/data/photos")
                .library(Library.Type.MIXED, "Mixed", 5, "/data/mixed"));
        assertEquals(server.serverId().toLowerCase(), connection.fingerprint());
        assertEquals("Jellyfin server 'Den'", connection.displayName());
        SourceHealth health = connection.health();
        assertTrue(health.healthy(), health.toString());
        assertEquals(server.version(), health.serverVersion());
        List<String> warnings = new ArrayList<>();
        List<DiscoveredCollection> collections = connection.collections(warnings::add);
        assertEquals(List.of("Movies", "Shows", "Mixed"), collections.stream().map(DiscoveredCollection::name).toList());
        assertEquals(List.of("/data/media/movies", "/mnt/archive/movies"), collections.getFirst().locations());
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.getFirst().startsWith("skipped the Music library"), warnings.toString());
        for (RecordedRequest request : server.requests()) {
            assertFalse(request.uri().toLowerCase().contains("key"), request.uri());
        }
    }

    @Test
    void jellyfinSendsTheKeyInTheAuthorizationHeaderOnly() throws SourceException {
        connect(FakeJellyfinServer.builder().legacyAuthorization(false).sampleLibraries(1, 10));
        scan("Movies");
        assertEquals(10, sink.items.size());
        RecordedRequest page = server.requests().stream().filter(r -> r.path().endsWith("/Items")).findFirst().orElseThrow();
        assertTrue(page.header("Authorization").orElseThrow().startsWith("MediaBrowser Client=\"RetroVue\""));
        assertTrue(page.header("Authorization").orElseThrow().contains("Token=\"" + KEY + "\""));
        assertTrue(page.header("X-Emby-Token").isEmpty());
        assertTrue(page.uri().contains("SortBy=DateCreated,SortName"), page.uri());
    }

    @Test
    void embyUsesItsTokenHeaderAndPagedLibraryList() throws SourceException {
        connect(FakeJellyfinServer.builder().dialect(Dialect.EMBY).basePath("/emby").sampleLibraries(2, 10));
        assertEquals(List.of("Movies", "Shows"), connection.collections().stream().map(DiscoveredCollection::name).toList());
        scan("Shows");
        assertEquals(10, sink.items.size());
        RecordedRequest page = server.requests().stream().filter(r -> r.path().endsWith("/Items")).findFirst().orElseThrow();
        assertEquals(KEY, page.header("X-Emby-Token").orElseThrow());
        assertTrue(server.requests().stream().anyMatch(r -> r.path().endsWith("/Library/VirtualFolders/Query")));
    }

    @Test
    void theWrongKindIsNamed() throws SourceException {
        server = FakeJellyfinServer.builder().dialect(Dialect.EMBY).apiKey(KEY).sampleLibraries(1, 1).build().start();
        JellyfinSourceKind kind = new JellyfinSourceKind();
        connection = kind.connect(kind.validate(Map.of("base-url", server.baseUrl(), "api-key", KEY)), SourceKindContract.testContext());
        SourceException e = failure(connection::fingerprint);
        assertTrue(e.getMessage().contains("--type emby"), e.getMessage());
    }

    @Test
    void itemsCarryTheirDetailsAndETag() throws SourceException {
        connect(FakeJellyfinServer.builder().sampleLibraries(2, 20));
        scan("Shows");
        assertEquals(20, sink.items.size());
        assertEquals(List.of(20L), sink.expected);
        ScannedItem first = sink.items.getFirst();
        assertEquals(ItemKind.EPISODE, first.kind());
        assertNotNull(first.show());
        assertEquals(1, first.season());
        assertEquals(1, first.episode());
        assertTrue(first.remotePath().startsWith("D:\\Media\\TV"), first.remotePath());
        assertTrue(first.size() > 0);
        assertNotNull(first.durationMillis());
        assertNotNull(first.version());
        assertNotNull(first.modified());
        assertTrue(first.providerIds().keySet().stream().allMatch(k -> k.equals(k.toLowerCase())), first.providerIds().toString());
        assertFalse(first.providerIds().isEmpty());
        ScannedItem tenth = sink.items.get(9);
        assertEquals(10, tenth.episode());
        assertEquals(11, tenth.episodeEnd());
        assertEquals(20, sink.items.stream().map(ScannedItem::key).collect(Collectors.toSet()).size());
    }

    @Test
    void anItemWithSeveralVersionsIsStoredWithItsFirstAndOneWithoutAFileIsSkipped() throws SourceException {
        connect(FakeJellyfinServer.builder().sampleLibraries(1, 5));
        String library = collection("Movies").externalId();
        scan("Movies");
        ScannedItem before = sink.items.get(1);
        server.catalog().setMediaSourceCount(library, 1, 3);
        server.catalog().removeFile(library, 2);
        sink.items.clear();
        scan("Movies");
        assertEquals(4, sink.items.size());
        assertEquals(before.remotePath(), sink.items.get(1).remotePath());
        assertFalse(before.version().equals(sink.items.get(1).version()));
        assertTrue(sink.warnings.stream().anyMatch(w -> w.contains("has no file")), sink.warnings.toString());
    }

    @Test
    void severalPagesAreInFlightAtOnce() throws SourceException {
        long oneAtATime = timedScan("1");
        long eight = timedScan("8");
        System.err.println("one page at a time " + oneAtATime + " ms, eight " + eight + " ms");
        assertTrue(eight * 2 < oneAtATime, "one page at a time " + oneAtATime + " ms, eight " + eight + " ms");
    }

    private long timedScan(String concurrency) throws SourceException {
        stop();
        sink.items.clear();
        connect(FakeJellyfinServer.builder().latency(Duration.ofMillis(100)).sampleLibraries(1, 1_000), "page-size", "50", "concurrency", concurrency);
        DiscoveredCollection movies = collection("Movies");
        long started = System.nanoTime();
        connection.scan(new ScanRequest(movies, null), sink);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(1_000, sink.items.size());
        assertEquals(1_000, new HashSet<>(sink.items.stream().map(ScannedItem::key).toList()).size());
        return millis;
    }

    @Test
    void aLibraryWithNothingSavedSinceItsLastListingIsNotListedAgain() throws SourceException {
        connect(FakeJellyfinServer.builder().sampleLibraries(1, 300), "page-size", "100");
        DiscoveredCollection movies = collection("Movies");
        String library = movies.externalId();
        ScanResult first = connection.scan(new ScanRequest(movies, null), sink);
        assertNotNull(first.version(), "a complete listing gives a version");
        long before = server.requestCount();
        ScanResult again = connection.scan(new ScanRequest(movies, first.version()), sink);
        assertTrue(again.unchanged(), again.toString());
        assertEquals(3, server.requestCount() - before, "the libraries, then two counts");

        server.catalog().touchItems(library, 5, 2);
        assertFalse(connection.scan(new ScanRequest(movies, first.version()), sink).unchanged(), "an item changed");
        ScanResult afterTouch = connection.scan(new ScanRequest(movies, null), sink);
        server.catalog().removeItems(library, 7, 1);
        assertFalse(connection.scan(new ScanRequest(movies, afterTouch.version()), sink).unchanged(), "an item removed");
        ScanResult afterRemove = connection.scan(new ScanRequest(movies, null), sink);
        server.catalog().addItems(library, 1);
        sink.items.clear();
        ScanResult afterAdd = connection.scan(new ScanRequest(movies, afterRemove.version()), sink);
        assertFalse(afterAdd.unchanged(), "an item added");
        assertEquals(300, sink.items.size());
        assertFalse(connection.scan(new ScanRequest(movies, "not a version of ours"), sink).unchanged());
    }

    @Test
    void anUnchangedLibraryTakesOneRoundTrip() throws SourceException {
        connect(FakeJellyfinServer.builder().latency(Duration.ofMillis(300)).sampleLibraries(1, 300), "page-size", "100");
        DiscoveredCollection movies = collection("Movies");
        ScanResult first = connection.scan(new ScanRequest(movies, null), sink);
        long started = System.nanoTime();
        ScanResult again = connection.scan(new ScanRequest(movies, first.version()), sink);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(again.unchanged(), again.toString());
        // the lookup of the library and the two counts at once: one 300 ms round trip, where one after the other took two
        assertTrue(millis < 550, "a rescan with nothing changed took " + millis + " ms");
    }

    @Test
    void aFirstListingAsksItsFirstPageWithTheLibrarysLookup() throws SourceException {
        connect(FakeJellyfinServer.builder().latency(Duration.ofMillis(400)).sampleLibraries(1, 150), "page-size", "100", "concurrency", "4");
        DiscoveredCollection movies = collection("Movies");
        long before = server.requestCount();
        long started = System.nanoTime();
        ScanResult first = connection.scan(new ScanRequest(movies, null), sink);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertNotNull(first.version());
        assertEquals(150, sink.items.size());
        assertEquals(150, new HashSet<>(sink.items.stream().map(ScannedItem::key).toList()).size());
        // the lookup with the first page, then the second: two 400 ms round trips, where the lookup, the first page
        // and the second one after the other took three
        assertTrue(millis < 1_100, "a first listing of two pages took " + millis + " ms");
        assertEquals(3, server.requestCount() - before, "the lookup and two pages");
    }

    @Test
    void aPageThatIsNotJsonIsOneLine() throws SourceException {
        connect(FakeJellyfinServer.builder().sampleLibraries(1, 150), "page-size", "100");
        DiscoveredCollection movies = collection("Movies");
        server.faults().setPagesNotJson(true);
        SourceException e = failure(() -> connection.scan(new ScanRequest(movies, null), sink));
        assertTrue(e.getMessage().contains("its page of library 'Movies' is not the JSON of a list of items"), e.getMessage());
        assertTrue(sink.items.isEmpty());
    }

    @Test
    void aCappedPageSizeIsFollowed() throws SourceException {
        connect(FakeJellyfinServer.builder().sampleLibraries(1, 230), "page-size", "100");
        server.faults().setPageCap(40);
        scan("Movies");
        assertEquals(230, sink.items.size());
        assertEquals(230, new HashSet<>(sink.items.stream().map(ScannedItem::key).toList()).size());
    }

    @Test
    void anItemReportedTwiceIsTakenOnce() throws SourceException {
        connect(FakeJellyfinServer.builder().sampleLibraries(1, 100), "page-size", "20");
        server.faults().setRepeatedItem(39);
        scan("Movies");
        assertEquals(100, sink.items.size());
        assertEquals(100, new HashSet<>(sink.items.stream().map(ScannedItem::key).toList()).size());
        assertTrue(sink.warnings.stream().anyMatch(w -> w.contains("twice")), sink.warnings.toString());
    }

    @Test
    void aTotalThatGrowsIsFollowedAndOneThatShrinksFails() throws SourceException {
        connect(FakeJellyfinServer.builder().sampleLibraries(1, 100), "page-size", "20");
        server.faults().setTotalChange(3);
        scan("Movies");
        assertEquals(100, sink.items.size());
        assertTrue(sink.warnings.stream().anyMatch(w -> w.contains("grew")), sink.warnings.toString());
        server.faults().setTotalChange(-3);
        SourceException e = failure(() -> scan("Movies"));
        assertEquals(SourceException.Code.PROTOCOL, e.code());
        assertTrue(e.getMessage().contains("nothing was marked missing"), e.getMessage());
    }

    @Test
    void fewerItemsThanAnnouncedFail() throws SourceException {
        connect(FakeJellyfinServer.builder().sampleLibraries(1, 100), "page-size", "20");
        server.faults().setItemsServed(70);
        SourceException e = failure(() -> scan("Movies"));
        assertEquals(SourceException.Code.PROTOCOL, e.code(), e.getMessage());
    }

    @Test
    void serverErrorsAreTriedAgain() throws SourceException {
        connect(FakeJellyfinServer.builder().sampleLibraries(1, 100), "page-size", "20");
        DiscoveredCollection movies = collection("Movies");
        server.faults().failNext(2, 503);
        connection.scan(new ScanRequest(movies, null), sink);
        assertEquals(100, sink.items.size());
        server.faults().setFailureRate(1);
        SourceException e = failure(() -> connection.scan(new ScanRequest(movies, null), sink));
        assertEquals(SourceException.Code.UNREACHABLE, e.code());
        assertTrue(e.getMessage().contains("tried 4 times"), e.getMessage());
    }

    @Test
    void aStalledPageIsGivenUp() throws SourceException {
        connect(FakeJellyfinServer.builder().sampleLibraries(1, 40), "page-size", "20", "read-timeout", "1");
        DiscoveredCollection movies = collection("Movies");
        server.faults().setBodyStall(Faults.BodyStall.TRICKLE);
        SourceException e = failure(() -> connection.scan(new ScanRequest(movies, null), sink));
        assertEquals(SourceException.Code.UNREACHABLE, e.code());
        assertTrue(e.getMessage().contains("midway"), e.getMessage());
    }

    @Test
    void refusalsAndStrangersAreOneLine() throws SourceException {
        connect(FakeJellyfinServer.builder().sampleLibraries(2, 10));
        DiscoveredCollection movies = collection("Movies");
        server.catalog().setForbidden(movies.externalId(), true);
        SourceException forbidden = failure(() -> connection.scan(new ScanRequest(movies, null), sink));
        assertEquals(SourceException.Code.UNAUTHORIZED, forbidden.code());
        assertTrue(forbidden.getMessage().contains("403"), forbidden.getMessage());
        server.catalog().removeLibrary(movies.externalId());
        assertEquals(SourceException.Code.NOT_FOUND, failure(() -> connection.scan(new ScanRequest(movies, null), sink)).code());

        SourceKind kind = new JellyfinSourceKind();
        SourceConnection wrongKey = kind.connect(kind.validate(Map.of("base-url", server.baseUrl(), "api-key", "not-" + KEY)),
                SourceKindContract.testContext());
        assertEquals(SourceException.Code.UNAUTHORIZED, failure(wrongKey::fingerprint).code());
        assertEquals(SourceHealth.Check.FAILED, wrongKey.health().credentials());
        wrongKey.close();

        server.faults().setIdentity(Faults.Identity.WEB_PAGE);
        assertEquals(SourceException.Code.PROTOCOL, failure(connection::collections).code());
        server.faults().setIdentity(Faults.Identity.PLEX);
        SourceConnection plex = kind.connect(kind.validate(Map.of("base-url", server.baseUrl(), "api-key", KEY)), SourceKindContract.testContext());
        SourceException e = failure(plex::fingerprint);
        assertTrue(e.getMessage().contains("does not look like a Jellyfin server"), e.getMessage());
        plex.close();
    }

    @Test
    void anUnreachableServerIsOneLine() throws SourceException {
        connect(FakeJellyfinServer.builder().sampleLibraries(1, 1));
        String url = server.baseUrl();
        server.close();
        SourceKind kind = new JellyfinSourceKind();
        SourceConnection gone = kind.connect(kind.validate(Map.of("base-url", url, "api-key", KEY)), SourceKindContract.testContext());
        SourceException e = failure(gone::fingerprint);
        assertEquals(SourceException.Code.UNREACHABLE, e.code());
        assertNull(null);
        gone.close();
    }
}
