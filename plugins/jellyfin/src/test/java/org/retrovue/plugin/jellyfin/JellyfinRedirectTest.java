package org.retrovue.plugin.jellyfin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.retrovue.fakejellyfin.FakeJellyfinServer;
import org.retrovue.spi.SourceConnection;
import org.retrovue.spi.SourceException;
import org.retrovue.spi.testkit.SourceKindContract;

/** The key goes to the configured origin only: a redirect to another one is refused before anything is sent there. */
@Timeout(60)
class JellyfinRedirectTest {
    private static final String KEY = "redirect-test-secret-api-key";
    private final JellyfinSourceKind kind = new JellyfinSourceKind();
    private FakeJellyfinServer elsewhere;
    private HttpServer redirector;
    private String target;

    @BeforeEach
    void start() throws IOException {
        elsewhere = FakeJellyfinServer.builder().apiKey(KEY).sampleLibraries(1, 10).build().start();
        redirector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        redirector.createContext("/", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            exchange.getResponseHeaders().set("Location", target + exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        redirector.start();
    }

    @AfterEach
    void stop() {
        redirector.stop(0);
        elsewhere.close();
    }

    private String redirectorUrl() {
        return "http://127.0.0.1:" + redirector.getAddress().getPort();
    }

    private SourceException refused() throws SourceException {
        Map<String, Object> config = kind.validate(Map.of("base-url", redirectorUrl(), "api-key", KEY));
        SourceException e = assertThrows(SourceException.class, () -> {
            try (SourceConnection connection = kind.connect(config, SourceKindContract.testContext())) {
                connection.fingerprint();
                connection.collections();
            }
        });
        assertEquals(SourceException.Code.PROTOCOL, e.code(), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertFalse(e.getMessage().contains(KEY), e.getMessage());
        return e;
    }

    @Test
    void aRedirectToAnotherOriginIsRefusedAndNothingIsSentThere() throws SourceException {
        target = elsewhere.baseUrl();
        SourceException e = refused();
        assertEquals("Jellyfin at " + redirectorUrl() + " redirected to another origin (http://127.0.0.1:" + elsewhere.port() + "); RetroVue does not send"
                + " its key elsewhere: set --base-url to that server if you trust it", e.getMessage());
        assertEquals(0, elsewhere.requestCount(), "nothing at all went to the other origin");
    }

    @Test
    void anotherHostNameForTheSameAddressIsAnotherOrigin() throws SourceException {
        target = "http://localhost:" + redirector.getAddress().getPort();
        SourceException e = refused();
        assertEquals("Jellyfin at " + redirectorUrl() + " redirected to another origin (" + target + "); RetroVue does not send"
                + " its key elsewhere: set --base-url to that server if you trust it", e.getMessage());
    }
}
