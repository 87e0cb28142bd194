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
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.retrovue.spi.SourceException;

/**
 * Requests to one Plex server. The token travels in the {@code X-Plex-Token} header, never in a URL, and only to
 * the configured origin: redirects are followed by hand within it, and refused to anywhere else. Answers are asked
 * for as JSON, must start within the read timeout and end within the read timeout after that (a body that stalls
 * midway is given up with its connection), and may take a bounded number of bytes. Requests may be sent several at
 * once ({@link #send}); their answers are read on the caller's thread ({@link #await}). Every failure becomes a
 * {@link SourceException} with one line that names the server's URL (which holds no secret) and says what to do,
 * and never the token.
 */
final class PlexClient {
    /** Stable per machine and user, so Plex lists RetroVue as one device. */
    private static final String CLIENT_IDENTIFIER = UUID.nameUUIDFromBytes(
            ("retrovue-sources:" + System.getProperty("user.name") + "@" + hostName()).getBytes(StandardCharsets.UTF_8)).toString();

    /** How many redirects within the configured origin one request follows. */
    static final int MAX_REDIRECTS = 5;
    /** The most any answer may take: /identity, /library/sections, or a page of a small --page-size. */
    static final long MIN_BODY_BYTES = 8L << 20;
    /** What one item of a page may take on average: real ones take 1 to 5 KiB. */
    static final long BODY_BYTES_PER_ITEM = 16L << 10;
    /** The most a page may take, whatever its size, so that one page never fills the heap. */
    static final long MAX_BODY_BYTES = 64L << 20;

    private final String baseUrl;
    private final URI base;
    private final String token;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final HttpClient http;

    private PlexClient(String baseUrl, String token, Duration connectTimeout, Duration readTimeout) {
        this.baseUrl = baseUrl;
        this.base = URI.create(baseUrl);
        this.token = token;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        // never NORMAL: the JDK would send the token to whatever host a redirect names; see body()
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER);
        if ("http".equalsIgnoreCase(base.getScheme())) {
            PlainHttp.configure(builder);
        }
        this.http = builder.build();
    }

    static PlexClient fromConfig(Map<String, Object> config) throws SourceException {
        if (!(config.get("base_url") instanceof String url) || !(config.get("token") instanceof String token)) {
            throw new SourceException(SourceException.Code.INVALID_CONFIG,
                    "the stored configuration lacks base_url or token; set them with `retrovue source update SOURCE --base-url URL --token TOKEN`");
        }
        return new PlexClient(url, token, Duration.ofSeconds(number(config.get("connect_timeout"), PlexSourceKind.DEFAULT_CONNECT_TIMEOUT_S)),
                Duration.ofSeconds(number(config.get("read_timeout"), PlexSourceKind.DEFAULT_READ_TIMEOUT_S)));
    }

    /** Closes every connection to the server, abandoning any answer still coming. */
    void close() {
        http.shutdownNow();
    }

    /** The configured address, which holds no secret. */
    String baseUrl() {
        return baseUrl;
    }

    /** The most a page of {@code pageSize} items may take. */
    static long pageLimit(int pageSize) {
        return Math.min(MAX_BODY_BYTES, Math.max(MIN_BODY_BYTES, pageSize * BODY_BYTES_PER_ITEM));
    }

    /** {@code /identity}, which answers without a token and tells whether this is a Plex server at all. */
    Map<String, Object> identity() throws SourceException {
        return get("/identity");
    }

    /** The MediaContainer of {@code GET path}, an answer of at most {@value #MIN_BODY_BYTES} bytes. */
    Map<String, Object> get(String path) throws SourceException {
        return get(path, MIN_BODY_BYTES, "its answer to " + path);
    }

    /**
     * The MediaContainer of {@code GET path}. Redirects are followed only within the configured origin (scheme,
     * host and port), {@value #MAX_REDIRECTS} at most, so the token never travels elsewhere. The answer must start
     * within the read timeout and be complete within the read timeout after that, and take at most {@code limit}
     * bytes ({@code what} names it in the message otherwise: "a page of ...").
     */
    Map<String, Object> get(String path, long limit, String what) throws SourceException {
        java.io.InputStream body = body(await(send(path, limit), limit, what), path, limit, what);
        try {
            return PlexJson.container(body);
        } catch (IOException e) {
            throw notPlex("its answer to " + path + " is not Plex's JSON");
        } catch (OutOfMemoryError e) {
            throw failure(e, limit, what); // the answer's maps are garbage now; never tried again
        }
    }

    /** An answer on its way. */
    record Pending(URI uri, BoundedBody body, CompletableFuture<HttpResponse<java.io.InputStream>> response) {
        void abandon() {
            body.abandon();
            response.cancel(true);
        }
    }

    /** The status, redirect target and body of an answer. */
    record Answer(URI uri, int status, String location, java.io.InputStream body) {}

    /** Sends {@code GET path} (below the base URL) and returns at once; {@link #await} reads the answer. */
    Pending send(String path, long limit) {
        return send(URI.create(baseUrl + path), limit);
    }

    private Pending send(URI uri, long limit) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(readTimeout)
                .header("Accept", "application/json")
                .header("X-Plex-Token", token)
                .header("X-Plex-Client-Identifier", CLIENT_IDENTIFIER)
                .header("X-Plex-Product", "RetroVue")
                .header("X-Plex-Version", "1")
                .GET().build();
        BoundedBody body = new BoundedBody(limit);
        CompletableFuture<HttpResponse<java.io.InputStream>> response = http.sendAsync(request, body);
        // bounds the whole exchange even while nobody waits for it yet (pages in flight behind the one being read)
        response.orTimeout(connectTimeout.plus(readTimeout.multipliedBy(2)).plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((answer, failure) -> {
                    if (failure != null) {
                        body.abandon();
                    }
                });
        return new Pending(uri, body, response);
    }

    /** The answer to a request sent, or the failure within the timeouts; a request given up is abandoned with its connection. */
    Answer await(Pending pending, long limit, String what) throws SourceException {
        try {
            // the request's own timeout fails it when no headers come; this wait only backs that up
            CompletableFuture.anyOf(pending.body().headers(), pending.response())
                    .get(connectTimeout.plus(readTimeout).plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
            HttpResponse<java.io.InputStream> answer = pending.response().get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(pending.uri(), answer.statusCode(), answer.headers().firstValue("Location").orElse(null), answer.body());
        } catch (TimeoutException e) {
            pending.abandon();
            throw stalled(pending, what);
        } catch (ExecutionException e) {
            pending.abandon();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof TimeoutException) {
                throw stalled(pending, what);
            }
            throw failure(cause, limit, what);
        } catch (InterruptedException e) {
            pending.abandon();
            Thread.currentThread().interrupt();
            throw unreachable("was not reached: interrupted");
        }
    }

    private SourceException stalled(Pending pending, String what) {
        return pending.body().headers().isDone()
                ? unreachable("stopped sending " + what + " midway and did not finish it within " + seconds(readTimeout)
                        + " s; the server may be busy (raise --read-timeout) or stuck")
                : unreachable(didNotAnswer());
    }

    /**
     * The body of a 200 answer to {@code path}: redirects within the configured origin followed (then one after
     * another), any other status its one line.
     */
    java.io.InputStream body(Answer answer, String path, long limit, String what) throws SourceException {
        for (int redirects = 0; ; redirects++) {
            int status = answer.status();
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                URI target = redirectTarget(answer.uri(), answer.location(), path);
                if (!sameOrigin(base, target)) {
                    throw new SourceException(SourceException.Code.PROTOCOL, "Plex at " + baseUrl + " redirected to another origin ("
                            + origin(target) + "); RetroVue does not send its token elsewhere: set --base-url to that server if you trust it");
                }
                if (redirects >= MAX_REDIRECTS) {
                    throw new SourceException(SourceException.Code.PROTOCOL, "Plex at " + baseUrl + " redirected " + path + " more than "
                            + MAX_REDIRECTS + " times; check --base-url and the server's or proxy's configuration");
                }
                answer = await(send(target, limit), limit, what);
                continue;
            }
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
            return answer.body();
        }
    }

    /** What a failed exchange means, from the innermost cause that says something (java.net.http wraps them). */
    SourceException failure(Throwable failure, long limit, String what) {
        if (cause(failure, BoundedBody.TooLarge.class) != null) {
            return new SourceException(SourceException.Code.PROTOCOL, "Plex at " + baseUrl + " sent more than " + megabytes(limit) + " MB for "
                    + what + (what.startsWith("a page") ? "; lower --page-size" : "; check --base-url"));
        }
        if (cause(failure, OutOfMemoryError.class) != null) {
            return new SourceException(SourceException.Code.INTERNAL, "Plex at " + baseUrl + " sent more for " + what
                    + " than this process could hold; lower --page-size");
        }
        if (cause(failure, HttpConnectTimeoutException.class) != null) {
            return unreachable("did not accept a connection within " + seconds(connectTimeout) + " s; check --base-url and the network");
        }
        if (cause(failure, HttpTimeoutException.class) != null) {
            return unreachable(didNotAnswer());
        }
        SSLHandshakeException tls = cause(failure, SSLHandshakeException.class);
        if (tls != null) {
            return unreachable("failed the TLS handshake (" + oneLine(tls.getMessage()) + "); Plex certificates are valid only for *.plex.direct names:"
                    + " use the server's https://<address>.<id>.plex.direct:32400 URL, or http:// on a trusted network");
        }
        // java.net.http reports a name that does not resolve as a ConnectException caused by one of these
        if (cause(failure, UnknownHostException.class) != null || cause(failure, UnresolvedAddressException.class) != null) {
            return unreachable("has a host name (" + base.getHost() + ") that does not resolve; check --base-url and the DNS");
        }
        if (cause(failure, ConnectException.class) != null) {
            return unreachable("refused the connection; check --base-url and that Plex Media Server is running");
        }
        if (failure instanceof IOException) {
            return unreachable("could not be reached: " + failure.getClass().getSimpleName()
                    + (failure.getMessage() == null ? "" : " " + oneLine(failure.getMessage())));
        }
        return new SourceException(SourceException.Code.INTERNAL, "Plex at " + baseUrl + " could not be asked for " + what + ": "
                + failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : " " + oneLine(failure.getMessage())), failure);
    }

    private String didNotAnswer() {
        return "did not answer within " + seconds(readTimeout) + " s; the server may be busy (raise --read-timeout) or stuck";
    }

    private URI redirectTarget(URI from, String location, String path) throws SourceException {
        if (location == null || location.isBlank()) {
            throw notPlex("it redirected " + path + " without saying where to");
        }
        try {
            URI target = from.resolve(location.strip());
            if (target.getHost() == null || !("http".equalsIgnoreCase(target.getScheme()) || "https".equalsIgnoreCase(target.getScheme()))) {
                throw notPlex("it redirected " + path + " to an address that is not http:// or https://");
            }
            return target;
        } catch (IllegalArgumentException e) {
            throw notPlex("it redirected " + path + " to an address that is not valid");
        }
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    /** scheme://host:port of an address: never its path, query or user information. */
    private static String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost() + ":" + port(uri);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static long megabytes(long bytes) {
        return Math.ceilDiv(bytes, 1L << 20);
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
