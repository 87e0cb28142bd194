package org.retrovue.plugin.plex;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLHandshakeException;
import org.retrovue.spi.SourceException;

/**
 * Requests to one Plex server. The token travels in the {@code X-Plex-Token} header, never in a URL; answers are
 * asked for as JSON; every failure becomes a {@link SourceException} with one line that names the server's URL
 * (which holds no secret) and says what to do, and never the token.
 */
final class PlexClient {
    /** Stable per machine and user, so Plex lists RetroVue as one device. */
    private static final String CLIENT_IDENTIFIER = UUID.nameUUIDFromBytes(
            ("retrovue-sources:" + System.getProperty("user.name") + "@" + hostName()).getBytes(StandardCharsets.UTF_8)).toString();

    private final String baseUrl;
    private final String token;
    private final Duration readTimeout;
    private final HttpClient http;

    private PlexClient(String baseUrl, String token, Duration connectTimeout, Duration readTimeout) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.readTimeout = readTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    static PlexClient fromConfig(Map<String, Object> config) throws SourceException {
        if (!(config.get("base_url") instanceof String url) || !(config.get("token") instanceof String token)) {
            throw new SourceException(SourceException.Code.INVALID_CONFIG,
                    "the stored configuration lacks base_url or token; set them with `retrovue source update SOURCE --base-url URL --token TOKEN`");
        }
        return new PlexClient(url, token, Duration.ofSeconds(number(config.get("connect_timeout"), PlexSourceKind.DEFAULT_CONNECT_TIMEOUT_S)),
                Duration.ofSeconds(number(config.get("read_timeout"), PlexSourceKind.DEFAULT_READ_TIMEOUT_S)));
    }

    /** {@code /identity}, which answers without a token and tells whether this is a Plex server at all. */
    Map<String, Object> identity() throws SourceException {
        return get("/identity");
    }

    /** The MediaContainer of {@code GET path}. */
    Map<String, Object> get(String path) throws SourceException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(readTimeout)
                .header("Accept", "application/json")
                .header("X-Plex-Token", token)
                .header("X-Plex-Client-Identifier", CLIENT_IDENTIFIER)
                .header("X-Plex-Product", "RetroVue")
                .header("X-Plex-Version", "1")
                .GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            throw unreachable("did not accept a connection within " + seconds(http.connectTimeout().orElseThrow()) + " s; check --base-url and the network");
        } catch (HttpTimeoutException e) {
            throw unreachable("did not answer within " + seconds(readTimeout) + " s; the server may be busy (raise --read-timeout) or stuck");
        } catch (SSLHandshakeException e) {
            throw unreachable("failed the TLS handshake (" + e.getMessage() + "); Plex certificates are valid only for *.plex.direct names:"
                    + " use the server's https://<address>.<id>.plex.direct:32400 URL, or http:// on a trusted network");
        } catch (ConnectException e) {
            throw unreachable("refused the connection; check --base-url and that Plex Media Server is running");
        } catch (UnknownHostException e) {
            throw unreachable("has a host name that does not resolve; check --base-url");
        } catch (IOException e) {
            throw unreachable("could not be reached: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable("was not reached: interrupted");
        }
        int status = response.statusCode();
        if (status == 401) {
            throw new SourceException(SourceException.Code.UNAUTHORIZED,
                    "Plex at " + baseUrl + " rejected the token; update it with `retrovue source update SOURCE --token ...`");
        }
        if (status >= 500) {
            throw unreachable("answered " + status + " (a server error); try again later, and see the Plex server's logs if it persists");
        }
        if (status != 200) {
            throw notPlex("it answered " + status + " for " + path);
        }
        try {
            return PlexJson.container(response.body());
        } catch (IOException e) {
            throw notPlex("its answer to " + path + " is not Plex's JSON");
        }
    }

    SourceException notPlex(String why) {
        return new SourceException(SourceException.Code.PROTOCOL,
                baseUrl + " does not look like a Plex Media Server (" + why + "); check --base-url");
    }

    private SourceException unreachable(String what) {
        return new SourceException(SourceException.Code.UNREACHABLE, "Plex at " + baseUrl + " " + what);
    }

    private static long seconds(Duration duration) {
        return duration.toSeconds();
    }

    private static int number(Object value, int fallback) {
        return value instanceof Number n ? n.intValue() : fallback;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
