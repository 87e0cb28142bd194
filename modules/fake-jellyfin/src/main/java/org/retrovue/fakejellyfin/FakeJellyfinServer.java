package org.retrovue.fakejellyfin;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A fake Jellyfin or Emby server ({@link Dialect}): a real HTTP server on 127.0.0.1 that answers
 * {@code /System/Info/Public}, {@code /System/Info}, the library listings and {@code /Items} as the dialect does,
 * under an optional base path, from generated libraries ({@link Catalog}), and misbehaves on demand ({@link Faults}).
 * It logs nothing and remembers the requests it got, so tests can check what a client sent. {@link #close()} stops
 * it and every thread it started.
 */
public final class FakeJellyfinServer implements AutoCloseable {
    private static final int HANDLER_THREADS = 16;

    private final Dialect dialect;
    private final int requestedPort;
    private final String basePath;
    private final String serverId;
    private final String serverName;
    private final String version;
    private final String productName;
    private final String apiKey;
    private final Auth auth;
    private final Catalog catalog;
    private final Faults faults;
    private final RequestLog requests;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicLong abandoned = new AtomicLong();
    private HttpServer server;
    private ExecutorService handlers;

    private FakeJellyfinServer(Builder builder) {
        this.dialect = builder.dialect;
        this.requestedPort = builder.port;
        this.basePath = builder.basePath != null ? builder.basePath : dialect == Dialect.EMBY ? dialect.usualBasePath() : "";
        this.serverId = builder.serverId != null ? builder.serverId : randomHex(16);
        this.serverName = builder.serverName;
        this.version = builder.version != null ? builder.version : dialect.defaultVersion();
        this.productName = builder.productNameSet ? builder.productName : dialect.productName();
        this.apiKey = builder.apiKey;
        this.requests = new RequestLog(builder.onRequest);
        this.auth = new Auth(dialect, apiKey, builder.legacyAuthorization);
        this.catalog = new Catalog(dialect);
        builder.libraries.forEach(library -> library.accept(catalog));
        this.faults = new Faults().setLatency(builder.latency).setFailureRate(builder.failureRate);
    }

    /** A Jellyfin server by default; see {@link Builder#dialect}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Binds and starts answering; answers this server. */
    public synchronized FakeJellyfinServer start() {
        if (server != null || closing.getCount() == 0) {
            throw new IllegalStateException("a fake " + dialect.cliName() + " server starts once");
        }
        try {
            InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
            server = HttpServer.create(new InetSocketAddress(loopback, requestedPort), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on 127.0.0.1:" + requestedPort, e);
        }
        handlers = Executors.newFixedThreadPool(HANDLER_THREADS,
                Thread.ofPlatform().name("fake-" + dialect.cliName() + "-" + port() + "-", 1).daemon().factory());
        server.setExecutor(handlers);
        server.createContext("/", new ApiHandler(this, auth, catalog, faults, requests, closing, abandoned));
        server.start();
        return this;
    }

    public Dialect dialect() {
        return dialect;
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the fake " + dialect.cliName() + " server is not started");
        }
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT} followed by the base path, without a trailing slash: what a client is given. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + basePath;
    }

    /** The base path, e.g. {@code /jellyfin}, or empty. */
    public String basePath() {
        return basePath;
    }

    public String apiKey() {
        return apiKey;
    }

    /** The server's {@code Id}, its fingerprint. */
    public String serverId() {
        return serverId;
    }

    public String serverName() {
        return serverName;
    }

    public String version() {
        return version;
    }

    /** What {@code /System/Info/Public} says in {@code ProductName}, or null when it says nothing. */
    public String productName() {
        return productName;
    }

    /**
     * Switches Jellyfin's {@code EnableLegacyAuthorization}: on, it also takes the key from {@code X-Emby-Token},
     * {@code X-MediaBrowser-Token}, {@code X-Emby-Authorization} and {@code api_key}; off (Jellyfin 12's default),
     * it refuses them with 401. Emby always takes them.
     */
    public FakeJellyfinServer setLegacyAuthorization(boolean on) {
        auth.setLegacy(on);
        return this;
    }

    public boolean legacyAuthorization() {
        return auth.legacy();
    }

    public Catalog catalog() {
        return catalog;
    }

    public Faults faults() {
        return faults;
    }

    /** The latest requests received, oldest first ({@value RequestLog#KEPT} at most). */
    public List<RecordedRequest> requests() {
        return requests.latest();
    }

    public long requestCount() {
        return requests.count();
    }

    /**
     * How many answers the client hung up on while a {@link Faults.BodyStall#TRICKLE} was still sending them: proof
     * that a client gave up the connection rather than leaving it open.
     */
    public long abandonedAnswers() {
        return abandoned.get();
    }

    /** Releases stalled requests, closes every connection and waits for the handler threads to end. */
    @Override
    public synchronized void close() {
        if (closing.getCount() == 0) {
            return;
        }
        closing.countDown();
        if (server == null) {
            return;
        }
        server.stop(0);
        handlers.shutdownNow();
        try {
            if (!handlers.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the fake server's handlers did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /**
     * What a server is made of; by default Jellyfin, an ephemeral port, the dialect's own base path (none for
     * Jellyfin, {@code /emby} for Emby), a random id and key, legacy authorization off, no libraries.
     */
    public static final class Builder {
        private Dialect dialect = Dialect.JELLYFIN;
        private int port;
        private String basePath;
        private String serverId;
        private String serverName = "Fake Media Server";
        private String version;
        private String productName;
        private boolean productNameSet;
        private String apiKey = randomHex(16);
        private boolean legacyAuthorization;
        private Duration latency = Duration.ZERO;
        private double failureRate;
        private final List<Consumer<Catalog>> libraries = new ArrayList<>();
        private Consumer<RecordedRequest> onRequest = request -> { };

        private Builder() {
        }

        public Builder dialect(Dialect dialect) {
            this.dialect = java.util.Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * A path the API lives under, such as {@code /jellyfin} behind a reverse proxy; empty for none. Emby's is
         * {@code /emby} unless set; Emby answers at the root as well.
         */
        public Builder basePath(String basePath) {
            String path = basePath == null ? "" : basePath.strip();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            if (!path.isEmpty() && (!path.startsWith("/") || path.contains("?") || path.contains("#") || path.contains(" "))) {
                throw new IllegalArgumentException("a base path starts with / and holds no query: " + basePath);
            }
            this.basePath = path;
            return this;
        }

        public Builder serverId(String serverId) {
            this.serverId = requireText(serverId, "server id");
            return this;
        }

        public Builder serverName(String serverName) {
            this.serverName = requireText(serverName, "server name");
            return this;
        }

        public Builder version(String version) {
            this.version = requireText(version, "version");
            return this;
        }

        /** What {@code /System/Info/Public} says in {@code ProductName}; null leaves it out (Emby's documented answer). */
        public Builder productName(String productName) {
            this.productName = productName;
            this.productNameSet = true;
            return this;
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = requireText(apiKey, "API key");
            return this;
        }

        /** Jellyfin's {@code EnableLegacyAuthorization} to start with; {@link FakeJellyfinServer#setLegacyAuthorization} changes it later. */
        public Builder legacyAuthorization(boolean on) {
            this.legacyAuthorization = on;
            return this;
        }

        /** The latency to start with; {@link Faults} changes it later. */
        public Builder latency(Duration latency) {
            this.latency = latency;
            return this;
        }

        /** The failure rate to start with; {@link Faults} changes it later. */
        public Builder failureRate(double failureRate) {
            this.failureRate = failureRate;
            return this;
        }

        /** A library as {@link Catalog#addLibrary} makes it; numbers follow the order libraries are added in. */
        public Builder library(Library.Type type, String name, int itemCount, String... paths) {
            libraries.add(catalog -> catalog.addLibrary(type, name, itemCount, paths));
            return this;
        }

        /**
         * {@code count} libraries of {@code itemCount} items each, alternating: movies on Linux paths (the first with
         * two locations), then shows on Windows paths ({@code D:\Media\TV}); so "Movies", "Shows", "Movies 2"...
         */
        public Builder sampleLibraries(int count, int itemCount) {
            for (int i = 0; i < count; i++) {
                int round = i / 2;
                String suffix = round == 0 ? "" : " " + (round + 1);
                String folder = round == 0 ? "" : "-" + (round + 1);
                if (i % 2 == 0) {
                    String[] paths = round == 0
                            ? new String[] {"/data/media/movies", "/mnt/archive/movies"}
                            : new String[] {"/data/media/movies" + folder};
                    library(Library.Type.MOVIES, "Movies" + suffix, itemCount, paths);
                } else {
                    library(Library.Type.TVSHOWS, "Shows" + suffix, itemCount, "D:\\Media\\TV" + folder);
                }
            }
            return this;
        }

        /** Called with every request as it arrives, on the handler's thread (the stand-alone server logs them so). */
        Builder onRequest(Consumer<RecordedRequest> listener) {
            this.onRequest = java.util.Objects.requireNonNull(listener, "listener");
            return this;
        }

        public FakeJellyfinServer build() {
            return new FakeJellyfinServer(this);
        }

        private static String requireText(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("the " + what + " cannot be blank");
            }
            return value;
        }
    }
}
