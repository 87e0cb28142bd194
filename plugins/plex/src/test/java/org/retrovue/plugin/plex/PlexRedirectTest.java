package org.retrovue.plugin.plex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.retrovue.fakeplex.FakePlexServer;
import org.retrovue.fakeplex.Library;
import org.retrovue.fakeplex.RecordedRequest;
import org.retrovue.spi.SourceConnection;
import org.retrovue.spi.SourceException;
import org.retrovue.spi.testkit.SourceKindContract;

/** The token goes to the configured origin only: redirects elsewhere are refused, redirects within it are followed a few times. */
@Timeout(60)
class PlexRedirectTest {
    private static final String TOKEN = "redirect-test-secret-token";
    private final PlexSourceKind kind = new PlexSourceKind();
    private FakePlexServer plex;
    private FakePlexServer elsewhere;

    @BeforeEach
    void start() {
        plex = FakePlexServer.builder().token(TOKEN).library(Library.Type.MOVIE, "Movies", 10, "/data/movies").build().start();
        elsewhere = FakePlexServer.builder().token(TOKEN).library(Library.Type.MOVIE, "Stolen", 10, "/data/stolen").build().start();
    }

    @AfterEach
    void stop() {
        plex.close();
        elsewhere.close();
    }

    private String fingerprintAndCollections(String baseUrl) throws SourceException {
        Map<String, Object> config = kind.validate(Map.of("base-url", baseUrl, "token", TOKEN));
        try (SourceConnection connection = kind.connect(config, SourceKindContract.testContext())) {
            String fingerprint = connection.fingerprint();
            connection.collections();
            return fingerprint;
        }
    }

    private static void assertOneLineWithoutToken(SourceException e) {
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void aRedirectToAnotherOriginIsRefusedAndTheTokenNeverSentThere() {
        plex.faults().redirectNext(1_000, elsewhere.baseUrl());
        SourceException e = assertThrows(SourceException.class, () -> fingerprintAndCollections(plex.baseUrl()));
        assertEquals(SourceException.Code.PROTOCOL, e.code());
        assertEquals("Plex at " + plex.baseUrl() + " redirected to another origin (" + elsewhere.baseUrl() + "); RetroVue does not send"
                + " its token elsewhere: set --base-url to that server if you trust it", e.getMessage());
        assertOneLineWithoutToken(e);
        assertEquals(0, elsewhere.requestCount(), "nothing at all went to the other origin");
    }

    @Test
    void aRedirectOnlyForTheLibrariesIsRefusedToo() throws Exception {
        Map<String, Object> config = kind.validate(Map.of("base-url", plex.baseUrl(), "token", TOKEN));
        try (SourceConnection connection = kind.connect(config, SourceKindContract.testContext())) {
            assertEquals(plex.machineIdentifier(), connection.fingerprint());
            plex.faults().redirectNext(1, elsewhere.baseUrl());
            SourceException e = assertThrows(SourceException.class, connection::collections);
            assertTrue(e.getMessage().contains("redirected to another origin"), e.getMessage());
        }
        for (RecordedRequest request : elsewhere.requests()) {
            assertTrue(request.header("X-Plex-Token").isEmpty(), "the other server got the token: " + request);
        }
        assertEquals(0, elsewhere.requestCount());
    }

    @Test
    void anotherHostNameForTheSameAddressIsAnotherOrigin() {
        plex.faults().redirectNext(1, plex.baseUrl().replace("127.0.0.1", "localhost"));
        SourceException e = assertThrows(SourceException.class, () -> fingerprintAndCollections(plex.baseUrl()));
        assertTrue(e.getMessage().contains("redirected to another origin (http://localhost:" + plex.port() + ")"), e.getMessage());
    }

    @Test
    void aRedirectWithinTheOriginIsFollowed() throws Exception {
        plex.faults().redirectNext(2, plex.baseUrl());
        assertEquals(plex.machineIdentifier(), fingerprintAndCollections(plex.baseUrl()));
        assertEquals(2 + 2, plex.requestCount(), "two redirects, then /identity and /library/sections");
    }

    @Test
    void aRedirectLoopWithinTheOriginStopsAfterAFewHops() {
        plex.faults().redirectNext(1_000, plex.baseUrl());
        SourceException e = assertThrows(SourceException.class, () -> fingerprintAndCollections(plex.baseUrl()));
        assertEquals(SourceException.Code.PROTOCOL, e.code());
        assertEquals("Plex at " + plex.baseUrl() + " redirected /identity more than " + PlexClient.MAX_REDIRECTS + " times; check --base-url"
                + " and the server's or proxy's configuration", e.getMessage());
        assertEquals(PlexClient.MAX_REDIRECTS + 1, plex.requestCount());
    }
}
