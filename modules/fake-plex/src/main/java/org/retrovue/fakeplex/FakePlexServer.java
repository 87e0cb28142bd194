package org.retrovue.fakeplex;

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
 * A fake Plex Media Server: a real HTTP server on 127.0.0.1 that answers {@code /identity},
 * {@code /library/sections} and {@code /library/sections/{key}/all} like Plex, from generated libraries
 * ({@link Catalog}), and misbehaves on demand ({@link Faults}). It logs nothing and remembers the requests it got,
 * so tests can check what a client sent. {@link #close()} stops it and every thread it started.
 */
public final class FakePlexServer implements AutoCloseable {
    private static final int HANDLER_THREADS = 16;

    private final int requestedPort;
    private final String machineIdentifier;
    private final String friendlyName;
    private final String token;
    private final Catalog catalog;
    private final Faults faults;
    private final RequestLog requests = new RequestLog();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicLong abandoned = new AtomicLong();
    private final InFlight inFlight = new InFlight();
    private HttpServer server;
    private ExecutorService handlers;

    private FakePlexServer(Builder builder) {
        this.requestedPort = builder.port;
        this.machineIdentifier = builder.machineIdentifier;
        this.friendlyName = builder.friendlyName;
        this.token = builder.token;
        this.catalog = new Catalog();
        builder.libraries.forEach(library -> library.accept(catalog));
        this.faults = new Faults().setLatency(builder.latency).setFailureRate(builder.failureRate);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds and starts answering; answers this server. */
    public synchronized FakePlexServer start() {
        if (server != null || closing.getCount() == 0) {
            throw new IllegalStateException("a fake Plex server starts once");
        }
        try {
            InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
            server = HttpServer.create(new InetSocketAddress(loopback, requestedPort), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on 127.0.0.1:" + requestedPort, e);
        }
        handlers = Executors.newFixedThreadPool(HANDLER_THREADS,
                Thread.ofPlatform().name("fake-plex-" + port() + "-", 1).daemon().factory());
        server.setExecutor(handlers);
        server.createContext("/", new PlexHandler(machineIdentifier, friendlyName, token, catalog, faults, requests, closing, abandoned, inFlight));
        server.start();
        return this;
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the fake Plex server is not started");
        }
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public String token() {
        return token;
    }

    public String machineIdentifier() {
        return machineIdentifier;
    }

    /** The server's name, as {@code GET /} gives it. */
    public String friendlyName() {
        return friendlyName;
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

    /** The most requests this server was answering at the same time, since it started or since {@link #resetMostInFlight()}. */
    public int mostInFlight() {
        return inFlight.most();
    }

    public void resetMostInFlight() {
        inFlight.reset();
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
                throw new IllegalStateException("the fake Plex server's handlers did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a server is made of; by default an ephemeral port, a random identifier and token, no libraries. */
    public static final class Builder {
        private int port;
        private String machineIdentifier = randomHex(20);
        private String friendlyName = "Fake Plex";
        private String token = randomHex(10);
        private Duration latency = Duration.ZERO;
        private double failureRate;
        private final List<Consumer<Catalog>> libraries = new ArrayList<>();

        private Builder() {
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
            this.port = port;
            return this;
        }

        public Builder machineIdentifier(String machineIdentifier) {
            this.machineIdentifier = requireText(machineIdentifier, "machine identifier");
            return this;
        }

        public Builder friendlyName(String friendlyName) {
            this.friendlyName = requireText(friendlyName, "friendly name");
            return this;
        }

        public Builder token(String token) {
            this.token = requireText(token, "token");
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

        /** A library as {@link Catalog#addLibrary} makes it; keys follow the order libraries are added in. */
        public Builder library(Library.Type type, String title, int itemCount, String... paths) {
            libraries.add(catalog -> catalog.addLibrary(type, title, itemCount, paths));
            return this;
        }

        /**
         * {@code count} libraries of {@code itemCount} items each, alternating: movies on Linux paths (the first with
         * two locations), then shows on Windows paths ({@code D:\Media\TV}); so "Movies", "TV Shows", "Movies 2"...
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
                    library(Library.Type.MOVIE, "Movies" + suffix, itemCount, paths);
                } else {
                    library(Library.Type.SHOW, "TV Shows" + suffix, itemCount, "D:\\Media\\TV" + folder);
                }
            }
            return this;
        }

        public FakePlexServer build() {
            return new FakePlexServer(this);
        }

        private static String requireText(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("the " + what + " cannot be blank");
            }
            return value;
        }

        private static String randomHex(int bytes) {
            byte[] random = new byte[bytes];
            ThreadLocalRandom.current().nextBytes(random);
            return HexFormat.of().formatHex(random);
        }
    }
}
