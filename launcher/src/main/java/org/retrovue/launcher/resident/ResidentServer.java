package org.retrovue.launcher.resident;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.retrovue.cli.CliContext;
import org.retrovue.cli.CliEnvironment;
import org.retrovue.core.AppPaths;

/**
 * The resident process: listens on a loopback port named in its state file, runs each authenticated request on a
 * thread of its own with a kept {@link ResidentSlot}, and ends after {@link #idle()} without requests, on a
 * {@code stop} request ({@code retrovue db stop}), or when the plugins it loaded have changed on disk.
 */
public final class ResidentServer {
    private static final Duration PAIRING = Duration.ofSeconds(5);

    private final ResidentFiles files;
    private final Path dataDir;
    private final String build;
    private final String secret;
    private final PluginFingerprint plugins;
    private final ServerSocket server;
    private final Map<String, CompletableFuture<Socket>> errorHalves = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<ResidentSlot> slots = new ConcurrentLinkedDeque<>();
    private final AtomicInteger running = new AtomicInteger();
    private volatile long lastUsed = System.nanoTime();
    private final AtomicBoolean stopping = new AtomicBoolean();

    private ResidentServer(ResidentFiles files, Map<String, String> env, Path dataDir, String build, ServerSocket server) {
        this.files = files;
        this.dataDir = dataDir;
        this.build = build;
        this.server = server;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.secret = HexFormat.of().formatHex(random);
        this.plugins = new PluginFingerprint(new CliContext(new CliEnvironment(env, null, null, null, null)).pluginDirectories());
    }

    /** Serves until idle or stopped; returns at once when another resident process holds this data directory. */
    public static int serve() throws IOException {
        Map<String, String> env = System.getenv();
        Path dataDir = AppPaths.fromEnvironment(env).dataDir();
        ResidentFiles files = new ResidentFiles(dataDir);
        Optional<FileLock> lock = files.lock();
        if (lock.isEmpty()) {
            return 0;
        }
        String build = Objects.requireNonNullElse(System.getProperty("retrovue.build"), "unknown");
        if (!files.safe()) {
            log("not started: " + files.folder() + " is not a folder of this user that only it can enter");
            lock.get().channel().close();
            return 0;
        }
        // 127.0.0.1, not whatever loopback address java.net.preferIPv6Addresses picks: bin/retrovue connects there
        try (ServerSocket server = new ServerSocket(0, 64, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            ResidentServer resident = new ResidentServer(files, env, dataDir, build, server);
            String fd = ListeningSocket.fd(server.getLocalPort()).orElse("-");
            if (fd.equals("-")) {
                log("its listening socket is not in /proc/self/fd: bin/retrovue will not use it");
            }
            files.writeState(new ResidentFiles.State(server.getLocalPort(), resident.secret, build, ProcessHandle.current().pid(), fd,
                    EnvironmentDigest.of(resident.secret, env)));
            log("started: pid " + ProcessHandle.current().pid() + ", port " + server.getLocalPort() + ", max heap "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, idle limit " + idle().toSeconds() + " s");
            resident.run();
        } finally {
            files.deleteState();
            lock.get().channel().close();
        }
        return 0;
    }

    /** How long the process stays without requests: 15 minutes, or {@code -Dretrovue.resident.idle-seconds}. */
    static Duration idle() {
        return Duration.ofSeconds(Long.getLong("retrovue.resident.idle-seconds", 900));
    }

    private void run() {
        Thread.ofPlatform().daemon(true).name("resident-idle").start(this::watchIdle);
        while (!stopping.get()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                break; // closed by stop()
            }
            Thread.ofPlatform().daemon(true).name("resident-request").start(() -> handle(socket));
        }
        for (ResidentSlot slot = slots.poll(); slot != null; slot = slots.poll()) {
            slot.close();
        }
    }

    private void watchIdle() {
        long limit = idle().toNanos();
        while (!stopping.get()) {
            try {
                Thread.sleep(Math.min(5_000, Math.max(100, limit / 4 / 1_000_000)));
            } catch (InterruptedException e) {
                return;
            }
            if (running.get() == 0 && System.nanoTime() - lastUsed > limit) {
                stop("idle for " + idle().toSeconds() + " s");
            }
        }
    }

    private void stop(String why) {
        if (stopping.compareAndSet(false, true)) {
            log("stopping: " + why);
            files.deleteState();
            try {
                server.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void handle(Socket socket) {
        boolean handedOver = false;
        try {
            socket.setSoTimeout((int) PAIRING.toMillis());
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            ResidentRequest request = ResidentRequest.read(in, secret);
            switch (request.role()) {
                case "err" -> {
                    CompletableFuture<Socket> half = errorHalves.computeIfAbsent(request.id(), id -> new CompletableFuture<>());
                    half.complete(socket);
                    handedOver = true;
                    // an error half whose request never came is closed
                    CompletableFuture.delayedExecutor(PAIRING.toMillis() * 2, TimeUnit.MILLISECONDS).execute(() -> {
                        if (errorHalves.remove(request.id(), half)) {
                            close(socket);
                        }
                    });
                }
                case "stop" -> stop("asked to stop");
                case "run" -> {
                    CompletableFuture<Socket> half = errorHalves.computeIfAbsent(request.id(), id -> new CompletableFuture<>());
                    Socket error;
                    try {
                        error = half.get(PAIRING.toMillis(), TimeUnit.MILLISECONDS);
                    } finally {
                        errorHalves.remove(request.id());
                    }
                    try (error) {
                        run(request, socket, error);
                    }
                }
                default -> { /* unknown role: close */ }
            }
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // a client that is not ours, or one that went away: nothing to answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            log("a request failed: " + e); // the client reports that the process ended during its command
        } finally {
            if (!handedOver) {
                close(socket);
            }
        }
    }

    private void run(ResidentRequest request, Socket outSocket, Socket errSocket) throws IOException {
        running.incrementAndGet();
        try {
            OutputStream errOut = new BufferedOutputStream(errSocket.getOutputStream());
            String refusal = refusal(request);
            if (refusal != null) {
                errOut.write(("R" + refusal + "\n").getBytes(StandardCharsets.UTF_8));
                errOut.flush();
                if (refusal.startsWith("plugins")) {
                    stop(refusal);
                }
                return;
            }
            errOut.write("S\n".getBytes(StandardCharsets.UTF_8));
            errOut.flush();
            ResidentSlot slot = slots.pollFirst();
            if (slot == null) {
                slot = new ResidentSlot();
            }
            Thread worker = Thread.currentThread();
            AtomicBoolean finished = new AtomicBoolean();
            errSocket.setSoTimeout(0);
            Thread watcher = Thread.ofPlatform().daemon(true).name("resident-watch").start(() -> interruptWhenGone(errSocket, worker, finished));
            int code;
            BufferedWriter stdout = new BufferedWriter(new OutputStreamWriter(outSocket.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
            try {
                code = slot.run(request.args().toArray(String[]::new), stdout, new FrameWriter(errOut), request.interactive());
            } finally {
                finished.set(true);
            }
            try {
                stdout.flush();
                outSocket.shutdownOutput();
                errOut.write(("X" + code + "\n").getBytes(StandardCharsets.UTF_8));
                errOut.flush();
            } catch (IOException gone) {
                // the client went away (Ctrl-C): the command was interrupted; its output has nowhere to go
            }
            watcher.interrupt();
            Thread.interrupted();
            java.util.Optional<String> tooNew = slot.schemaTooNew();
            if (tooNew.isPresent()) {
                // the catalogue was migrated past this build: answer no more requests (the next command runs in a
                // JVM of its own, which refuses it the same way, until this build is upgraded)
                stop("the catalogue's schema is newer than this build: " + tooNew.get());
                slot.close();
            } else {
                slots.offerFirst(slot);
            }
        } finally {
            lastUsed = System.nanoTime();
            running.decrementAndGet();
        }
    }

    /** Why this process must not run the request (the client then runs it itself), or null. */
    private String refusal(ResidentRequest request) {
        if (stopping.get()) {
            return "stopping";
        }
        if (!build.equals(request.build())) {
            return "another build";
        }
        if (!dataDir.equals(Path.of(request.dataDir()).toAbsolutePath())) {
            return "another data directory";
        }
        // the environment (database, plugin path, JVM options) was compared by the client: EnvironmentDigest
        if (!ResidentCommands.served(request.args().toArray(String[]::new))) {
            return "not served";
        }
        if (plugins.changed()) {
            return "plugins changed";
        }
        return null;
    }

    /**
     * After its request the client writes one byte when the operator presses Ctrl-C, and its connection ends when it
     * goes away (killed, or Ctrl-C twice): either interrupts the command.
     */
    private static void interruptWhenGone(Socket errSocket, Thread worker, AtomicBoolean finished) {
        try {
            errSocket.getInputStream().read();
        } catch (IOException e) {
            // closed
        }
        if (!finished.get()) {
            worker.interrupt();
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    static void log(String line) {
        System.out.println(Instant.now() + " " + line);
        System.out.flush();
    }
}
