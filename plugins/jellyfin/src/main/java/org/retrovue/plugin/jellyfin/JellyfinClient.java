package org.retrovue.plugin.jellyfin;

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
 * Requests to one Jellyfin or Emby server. The key travels in a header (the dialect's), never in a URL, and only to
 * the configured origin: redirects are followed by hand within it and refused elsewhere. An answer must start within
 * the read timeout and end within the read timeout after that, and may take a bounded number of bytes. Requests may
 * be sent several at once ({@link #send}); their answers are read on the caller's thread ({@link #await}). Every
 * failure becomes a {@link SourceException} whose one line names the server's URL (which holds no secret) and says
 * what to do, never the key.
 */
final class JellyfinClient {
    private static final String DEVICE_ID = UUID.nameUUIDFromBytes(
            ("retrovue-sources:" + System.getProperty("user.name") + "@" + hostName()).getBytes(StandardCharsets.UTF_8)).toString();
    private static final String CLIENT_VERSION = "1.0";
    private static final String DEVICE_NAME = hostName();

    static final int MAX_REDIRECTS = 5;
    /** The most any answer but a page may take: server information, the list of libraries. */
    static final long MIN_BODY_BYTES = 8L << 20;
    /** What one item of a page may take on average: real ones take 1 to 4 KiB with their media sources. */
    static final long BODY_BYTES_PER_ITEM = 16L << 10;
    /** The most a page may take, whatever its size, so that the pages in flight never fill the heap. */
    static final long MAX_BODY_BYTES = 32L << 20;

    private final Dialect dialect;
    private final String baseUrl;
    private final URI base;
    private final String apiKey;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final HttpClient http;
    private volatile String lastDate;

    JellyfinClient(Dialect dialect, String baseUrl, String apiKey, Duration connectTimeout, Duration readTimeout) {
        this.dialect = dialect;
        this.baseUrl = baseUrl;
        this.base = URI.create(baseUrl);
        this.apiKey = apiKey;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        // never NORMAL: the JDK would send the key to whatever host a redirect names; see get()
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER);
        if ("http".equalsIgnoreCase(base.getScheme())) {
            PlainHttp.configure(builder);
        }
        this.http = builder.build();
    }

    static JellyfinClient fromConfig(Dialect dialect, Map<String, Object> config) throws SourceException {
        if (!(config.get("base_url") instanceof String url) || !(config.get("api_key") instanceof String key)) {
            throw new SourceException(SourceException.Code.INVALID_CONFIG, "the stored configuration lacks base_url or api_key; set them with"
                    + " `retrovue source update SOURCE --base-url URL --api-key -`");
        }
        return new JellyfinClient(dialect, url, key,
                Duration.ofSeconds(number(config.get("connect_timeout"), MediaServerKind.DEFAULT_CONNECT_TIMEOUT_S)),
                Duration.ofSeconds(number(config.get("read_timeout"), MediaServerKind.DEFAULT_READ_TIMEOUT_S)));
    }

    void close() {
        http.shutdownNow();
    }

    String baseUrl() {
        return baseUrl;
    }

    Dialect dialect() {
        return dialect;
    }

    /** "Jellyfin at http://host:8096" */
    String server() {
        return dialect.product + " at " + baseUrl;
    }

    static long pageLimit(int pageSize) {
        return Math.min(MAX_BODY_BYTES, Math.max(MIN_BODY_BYTES, pageSize * BODY_BYTES_PER_ITEM));
    }

    /**
     * {@code /System/Info/Public}, which answers without a key: whether this is a Jellyfin or Emby server at all,
     * and which of the two.
     */
    Map<String, Object> publicInfo() throws SourceException {
        Object root;
        try {
            root = get("/System/Info/Public", false, MIN_BODY_BYTES, "its answer to /System/Info/Public");
        } catch (SourceException e) {
            if (e.code() == SourceException.Code.UNAUTHORIZED) {
                throw notServer("/System/Info/Public, which Jellyfin and Emby answer without a key, asked for credentials");
            }
            throw e;
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("Id") instanceof String) || !(map.get("Version") instanceof String)) {
            throw notServer("its /System/Info/Public has no Id or Version");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> info = (Map<String, Object>) map;
        Dialect found = Dialect.of(info.get("ProductName"));
        if (found != dialect) {
            throw new SourceException(SourceException.Code.INVALID_CONFIG, baseUrl + " is " + (found == Dialect.JELLYFIN ? "a Jellyfin" : "an Emby")
                    + " server, not " + (dialect == Dialect.JELLYFIN ? "a Jellyfin" : "an Emby") + " one; add it with --type " + found.kindId);
        }
        return info;
    }

    /** The JSON object of {@code GET path} with the key. */
    Map<String, Object> object(String path) throws SourceException {
        Object root = get(path, true, MIN_BODY_BYTES, "its answer to " + path);
        if (root instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) map;
            return object;
        }
        throw notServer("its answer to " + path + " is not a JSON object");
    }

    /** The JSON value of {@code GET path}, following redirects within the configured origin. */
    Object get(String path, boolean authorized, long limit, String what) throws SourceException {
        return read(await(send(path, authorized, limit), limit, what), path, authorized, limit, what);
    }

    /** The server's clock as its last answer's {@code Date} header told it (to the second), or null. */
    java.time.Instant serverTime() {
        String date = lastDate;
        if (date == null) {
            return null;
        }
        try {
            return java.time.ZonedDateTime.parse(date.strip(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
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
    Pending send(String path, boolean authorized, long limit) {
        return send(URI.create(baseUrl + path), authorized, limit);
    }

    private Pending send(URI uri, boolean authorized, long limit) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(readTimeout).header("Accept", "application/json").GET();
        if (authorized) {
            dialect.authorize(request, apiKey, DEVICE_NAME, DEVICE_ID, CLIENT_VERSION);
        }
        BoundedBody body = new BoundedBody(limit);
        CompletableFuture<HttpResponse<java.io.InputStream>> response = http.sendAsync(request.build(), body);
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
            CompletableFuture.anyOf(pending.body().headers(), pending.response())
                    .get(connectTimeout.plus(readTimeout).plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
            HttpResponse<java.io.InputStream> answer = pending.response().get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
            answer.headers().firstValue("Date").ifPresent(date -> lastDate = date);
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
                ? unreachable("stopped sending " + what + " midway and did not finish it within " + readTimeout.toSeconds()
                        + " s; the server may be busy (raise --read-timeout) or stuck")
                : unreachable(didNotAnswer());
    }

    /**
     * The JSON of an answer: redirects within the configured origin followed (then synchronously), a refusal or
     * anything but JSON turned into its one line.
     */
    Object read(Answer answer, String path, boolean authorized, long limit, String what) throws SourceException {
        java.io.InputStream body = body(answer, path, authorized, limit, what);
        try {
            return Json.parse(body);
        } catch (IOException e) {
            throw notServer("its answer to " + path + " is not JSON");
        } catch (OutOfMemoryError e) {
            throw failure(e, limit, what);
        }
    }

    /** The body of a 200 answer, redirects within the configured origin followed, any other status its one line. */
    java.io.InputStream body(Answer answer, String path, boolean authorized, long limit, String what) throws SourceException {
        for (int redirects = 0; ; redirects++) {
            int status = answer.status();
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                URI target = redirectTarget(answer.uri(), answer.location(), path);
                if (!sameOrigin(base, target)) {
                    throw new SourceException(SourceException.Code.PROTOCOL, server() + " redirected to another origin (" + origin(target)
                            + "); RetroVue does not send its key elsewhere: set --base-url to that server if you trust it");
                }
                if (redirects >= MAX_REDIRECTS) {
                    throw new SourceException(SourceException.Code.PROTOCOL, server() + " redirected " + path + " more than " + MAX_REDIRECTS
                            + " times; check --base-url and the server's or proxy's configuration");
                }
                answer = await(send(target, authorized, limit), limit, what);
                continue;
            }
            if (status == 401) {
                throw new SourceException(SourceException.Code.UNAUTHORIZED, server() + " rejected the API key; create one in the server's"
                        + " dashboard (API Keys) and give it with `retrovue source update SOURCE --api-key -`");
            }
            if (status == 403) {
                throw new SourceException(SourceException.Code.UNAUTHORIZED, server() + " refused " + what
                        + " to this API key (403); give it access, or use an administrator's key");
            }
            if (status >= 500) {
                throw unreachable("answered " + status + " (a server error) for " + what + "; try again later, and see the server's logs if it persists");
            }
            if (status != 200) {
                throw notServer("it answered " + status + " for " + path);
            }
            return answer.body();
        }
    }

    /** What a failed exchange means, from the innermost cause that says something (java.net.http wraps them). */
    SourceException failure(Throwable failure, long limit, String what) {
        if (cause(failure, BoundedBody.TooLarge.class) != null) {
            return new SourceException(SourceException.Code.PROTOCOL, server() + " sent more than " + Math.ceilDiv(limit, 1L << 20) + " MB for "
                    + what + (what.startsWith("a page") ? "; lower --page-size" : "; check --base-url"));
        }
        if (cause(failure, OutOfMemoryError.class) != null) {
            return new SourceException(SourceException.Code.INTERNAL, server() + " sent more for " + what
                    + " than this process could hold; lower --page-size or --concurrency");
        }
        if (cause(failure, HttpConnectTimeoutException.class) != null) {
            return unreachable("did not accept a connection within " + connectTimeout.toSeconds() + " s; check --base-url and the network");
        }
        if (cause(failure, HttpTimeoutException.class) != null) {
            return unreachable(didNotAnswer());
        }
        SSLHandshakeException tls = cause(failure, SSLHandshakeException.class);
        if (tls != null) {
            return unreachable("failed the TLS handshake (" + oneLine(tls.getMessage()) + "); use an address its certificate names,"
                    + " add its certificate authority to the trust store, or use http:// on a trusted network");
        }
        if (cause(failure, UnknownHostException.class) != null || cause(failure, UnresolvedAddressException.class) != null) {
            return unreachable("has a host name (" + base.getHost() + ") that does not resolve; check --base-url and the DNS");
        }
        if (cause(failure, ConnectException.class) != null) {
            return unreachable("refused the connection; check --base-url and that the server is running");
        }
        if (failure instanceof IOException) {
            return unreachable("could not be reached: " + failure.getClass().getSimpleName()
                    + (failure.getMessage() == null ? "" : " " + oneLine(failure.getMessage())));
        }
        return new SourceException(SourceException.Code.INTERNAL, server() + " could not be asked for " + what + ": "
                + failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : " " + oneLine(failure.getMessage())), failure);
    }

    private String didNotAnswer() {
        return "did not answer within " + readTimeout.toSeconds() + " s; the server may be busy (raise --read-timeout) or stuck";
    }

    private URI redirectTarget(URI from, String location, String path) throws SourceException {
        if (location == null || location.isBlank()) {
            throw notServer("it redirected " + path + " without saying where to");
        }
        try {
            URI target = from.resolve(location.strip());
            if (target.getHost() == null || !("http".equalsIgnoreCase(target.getScheme()) || "https".equalsIgnoreCase(target.getScheme()))) {
                throw notServer("it redirected " + path + " to an address that is not http:// or https://");
            }
            return target;
        } catch (IllegalArgumentException e) {
            throw notServer("it redirected " + path + " to an address that is not valid");
        }
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

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
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    SourceException notServer(String why) {
        return new SourceException(SourceException.Code.PROTOCOL, baseUrl + " does not look like " + (dialect == Dialect.JELLYFIN ? "a Jellyfin" : "an Emby")
                + " server (" + why + "); check --base-url, including any path prefix such as /" + dialect.kindId);
    }

    SourceException unreachable(String what) {
        return new SourceException(SourceException.Code.UNREACHABLE, server() + " " + what);
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
