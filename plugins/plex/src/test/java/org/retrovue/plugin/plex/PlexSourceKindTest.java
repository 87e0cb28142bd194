package org.retrovue.plugin.plex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retrovue.fakeplex.FakePlexServer;
import org.retrovue.fakeplex.Faults;
import org.retrovue.fakeplex.Library;
import org.retrovue.fakeplex.RecordedRequest;
import org.retrovue.spi.DiscoveredCollection;
import org.retrovue.spi.OptionSpec;
import org.retrovue.spi.SourceConnection;
import org.retrovue.spi.SourceContext;
import org.retrovue.spi.SourceException;
import org.retrovue.spi.testkit.SourceKindContract;

class PlexSourceKindTest {
    private static final String TOKEN = "s3cr3t-plex-token";
    private final PlexSourceKind kind = new PlexSourceKind();
    private final SourceContext context = SourceKindContract.testContext();
    private FakePlexServer plex;

    @BeforeEach
    void start() {
        plex = FakePlexServer.builder().token(TOKEN)
                .library(Library.Type.MOVIE, "Movies", 10, "/data/movies")
                .library(Library.Type.SHOW, "TV Shows", 10, "D:\\Media\\TV")
                .build().start();
    }

    @AfterEach
    void stop() {
        plex.close();
    }

    private Map<String, Object> config(String url, String token, String readTimeout) throws SourceException {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("base-url", url);
        options.put("token", token);
        if (readTimeout != null) {
            options.put("read-timeout", readTimeout);
        }
        return kind.validate(options);
    }

    private SourceException failure(Map<String, Object> config) {
        SourceException e = assertThrows(SourceException.class, () -> {
            try (SourceConnection connection = kind.connect(config, context)) {
                connection.fingerprint();
                connection.collections();
            }
        });
        assertFalse(e.getMessage().contains(TOKEN), "the token never appears: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e;
    }

    @Test
    void declaresItsOptionsWithTheTokenSecret() {
        assertEquals("plex", kind.id());
        assertEquals(List.of("base-url", "token", "connect-timeout", "read-timeout", "page-size", "concurrency"), kind.options().stream().map(OptionSpec::name).toList());
        assertTrue(kind.options().get(1).secret());
    }

    @Test
    void validatesTheUrlTokenAndTimeouts() throws Exception {
        assertEquals("http://plex.example:32400", config("http://plex.example:32400/", "t", null).get("base_url"));
        assertEquals(30, config("http://plex.example:32400", "t", null).get("read_timeout"));
        assertThrows(SourceException.class, () -> config("ftp://plex.example", "t", null));
        assertThrows(SourceException.class, () -> config("http://plex.example?X-Plex-Token=t", "t", null));
        assertThrows(SourceException.class, () -> config("http://plex.example", " ", null));
        assertThrows(SourceException.class, () -> config("http://plex.example", "t", "0"));
        assertThrows(SourceException.class, () -> config("http://plex.example", "t", "soon"));
    }

    @Test
    void discoversTheMachineIdentifierAndLibrariesSendingTheTokenOnlyInAHeader() throws Exception {
        try (SourceConnection connection = kind.connect(config(plex.baseUrl(), TOKEN, null), context)) {
            assertEquals(plex.machineIdentifier(), connection.fingerprint());
            List<DiscoveredCollection> libraries = connection.collections();
            assertEquals(List.of("Movies", "TV Shows"), libraries.stream().map(DiscoveredCollection::name).toList());
            DiscoveredCollection tv = libraries.get(1);
            assertEquals(List.of("D:\\Media\\TV"), tv.locations());
            assertEquals("show", tv.config().get("type"));
            assertEquals(List.of("D:\\Media\\TV"), tv.config().get("locations"));
        }
        for (RecordedRequest request : plex.requests()) {
            assertFalse(request.uri().contains(TOKEN), "no token in a URL: " + request.uri());
            assertEquals(TOKEN, request.header("X-Plex-Token").orElseThrow());
            assertEquals("application/json", request.header("Accept").orElseThrow());
            assertTrue(request.header("X-Plex-Client-Identifier").isPresent());
        }
    }

    @Test
    void musicAndPhotoLibrariesAreLeftOutWithAWarning() throws Exception {
        plex.catalog().addLibrary(Library.Type.ARTIST, "Music", 0, "/data/music");
        plex.catalog().addLibrary(Library.Type.PHOTO, "Holidays", 0, "/data/photos");
        try (SourceConnection connection = kind.connect(config(plex.baseUrl(), TOKEN, null), context)) {
            List<String> warnings = new java.util.ArrayList<>();
            assertEquals(List.of("Movies", "TV Shows"), connection.collections(warnings::add).stream().map(DiscoveredCollection::name).toList());
            assertEquals(List.of("skipped the Music library: its music items are not ingested (movies and shows are)",
                    "skipped the Holidays library: its photos are not ingested (movies and shows are)"), warnings);
            assertEquals(2, connection.collections().size(), "the 1.4 method lists the same");
        }
    }

    @Test
    void itemsCarryTheirYearAirDateAndProviderIds() throws Exception {
        try (SourceConnection connection = kind.connect(config(plex.baseUrl(), TOKEN, null), context)) {
            List<DiscoveredCollection> libraries = connection.collections();
            CollectingSink sink = new CollectingSink();
            connection.scan(new org.retrovue.spi.ScanRequest(libraries.get(0), null), sink);
            connection.scan(new org.retrovue.spi.ScanRequest(libraries.get(1), null), sink);
            assertEquals(20, sink.items.size(), sink.warnings.toString());
            assertEquals(List.of(10L, 10L), sink.expected, "each library's totalSize is announced before its items");
            for (org.retrovue.spi.ScannedItem item : sink.items) {
                assertTrue(item.year() != null && item.year() > 1900, item::toString);
                assertEquals(item.year().intValue(), item.airDate().getYear(), item::toString);
                assertTrue(item.providerIds().get("imdb").matches("tt[0-9]{7}"), item::toString);
                assertTrue(item.providerIds().containsKey(item.kind() == org.retrovue.spi.ItemKind.MOVIE ? "tmdb" : "tvdb"), item::toString);
                assertNull(item.episodeEnd(), "Plex lists each episode of a multi-episode file as an item of its own");
            }
        }
    }

    @Test
    void theSameServerGivesTheSameFingerprintByAnotherUrl() throws Exception {
        String other = plex.baseUrl().replace("127.0.0.1", "localhost");
        try (SourceConnection a = kind.connect(config(plex.baseUrl(), TOKEN, null), context);
             SourceConnection b = kind.connect(config(other, TOKEN, null), context)) {
            assertEquals(a.fingerprint(), b.fingerprint());
        }
    }

    @Test
    void aRejectedTokenSaysHowToFixIt() throws Exception {
        SourceException e = failure(config(plex.baseUrl(), "wrong", null));
        assertEquals(SourceException.Code.UNAUTHORIZED, e.code());
        assertTrue(e.getMessage().contains("rejected the token; update it with `retrovue source update SOURCE --token ...`"), e.getMessage());
    }

    @Test
    void aRefusedConnectionNamesTheUrl() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        SourceException e = failure(config("http://127.0.0.1:" + closed, TOKEN, null));
        assertEquals(SourceException.Code.UNREACHABLE, e.code());
        assertTrue(e.getMessage().contains("http://127.0.0.1:" + closed + " refused the connection"), e.getMessage());
    }

    @Test
    void aServerThatIsNotPlexIsSaidToBeSo() throws Exception {
        plex.faults().setIdentity(Faults.Identity.WEB_PAGE);
        assertEquals(SourceException.Code.PROTOCOL, failure(config(plex.baseUrl(), TOKEN, null)).code());
        plex.faults().setIdentity(Faults.Identity.NOT_FOUND);
        SourceException e = failure(config(plex.baseUrl(), TOKEN, null));
        assertTrue(e.getMessage().contains("does not look like a Plex Media Server"), e.getMessage());
    }

    @Test
    void serverErrorsAndStallsAreReportedNotHung() throws Exception {
        plex.faults().failNext(1);
        assertTrue(failure(config(plex.baseUrl(), TOKEN, null)).getMessage().contains("answered 500"));
        plex.faults().setStall(true);
        SourceException stalled = failure(config(plex.baseUrl(), TOKEN, "1"));
        assertEquals(SourceException.Code.UNREACHABLE, stalled.code());
        assertTrue(stalled.getMessage().contains("did not answer within 1 s"), stalled.getMessage());
        plex.faults().setStall(false);
        plex.faults().setDropConnections(true);
        assertEquals(SourceException.Code.UNREACHABLE, failure(config(plex.baseUrl(), TOKEN, null)).code());
    }
}
