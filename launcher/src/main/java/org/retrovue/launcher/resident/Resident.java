package org.retrovue.launcher.resident;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.retrovue.core.AppPaths;

/**
 * What a command run in a JVM of its own does about the resident process: start one after a served command when
 * none is alive for this data directory (or replace one from another build), and stop it for {@code db stop}.
 * Starting never delays the command by more than the spawn: the new process warms up on its own.
 */
public final class Resident {
    /** {@link #stop(Map)} as a value, for {@code db stop} (BeforeDatabaseStop). */
    public static final java.util.function.Predicate<Map<String, String>> STOP = new java.util.function.Predicate<>() {
        @Override
        public boolean test(Map<String, String> env) {
            return stop(env);
        }
    };

    private Resident() {}

    /** {@code RETROVUE_RESIDENT=off} turns the resident process off: every command then runs in a JVM of its own. */
    public static boolean enabled(Map<String, String> env) {
        return !"off".equalsIgnoreCase(env.getOrDefault("RETROVUE_RESIDENT", "").strip());
    }

    /** After a command ran in-process: makes sure a resident process of this build will serve the next one. */
    public static void afterCommand(Map<String, String> env, String... args) {
        String home = System.getProperty("retrovue.home");
        String build = System.getProperty("retrovue.build");
        if (home == null || build == null || !enabled(env) || !ResidentCommands.startsResident(args)) {
            return; // not run from the image (the plain module path of the benchmark, tests), or not wanted
        }
        ResidentFiles files = new ResidentFiles(AppPaths.fromEnvironment(env).dataDir());
        if (files.alive()) {
            Optional<ResidentFiles.State> state = files.readState();
            if (state.isEmpty() || state.get().build().equals(build)) {
                return; // ours, or one still starting
            }
            stop(files); // another build of the image: the latest wins
        }
        try {
            start(files, Path.of(home), build, env);
        } catch (IOException | RuntimeException e) {
            // no resident process: commands run as they did
        }
    }

    /**
     * Stops the resident process of this data directory, if there is one, and waits (a few seconds at most) until it
     * has; returns whether one was running.
     */
    public static boolean stop(Map<String, String> env) {
        return stop(new ResidentFiles(AppPaths.fromEnvironment(env).dataDir()));
    }

    private static boolean stop(ResidentFiles files) {
        Optional<ResidentFiles.State> state = files.readState();
        if (state.isEmpty() || !files.alive()) {
            return false;
        }
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), state.get().port())) {
            OutputStream out = socket.getOutputStream();
            out.write((ResidentRequest.MAGIC + "\0" + state.get().secret() + "\0-\0stop\0").getBytes(StandardCharsets.UTF_8));
            out.flush();
            socket.getInputStream().read(); // closed by the process once it took the request
        } catch (IOException e) {
            return false; // not listening: nothing to stop
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (files.alive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return true;
    }

    /**
     * Starts the resident process detached (its own session where {@code setsid} exists, output to its log file,
     * no stdin), with the full AOT cache and the JIT's second tier: it runs many commands, so peak speed matters.
     */
    private static void start(ResidentFiles files, Path home, String build, Map<String, String> env) throws IOException {
        files.createFolder();
        if (Files.isRegularFile(files.log()) && Files.size(files.log()) > 1 << 20) {
            Files.delete(files.log()); // a log that grew past 1 MB starts afresh
        }
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.add(home.resolve("bin/java").toString());
        Path cache = home.resolve("lib/retrovue.aot");
        if (Files.isRegularFile(cache)) {
            command.add("-XX:AOTCache=" + cache);
        }
        // A young generation of 160 of the 256 MB: an ingest's stored items (tens of MB, alive for the whole scan)
        // then do not overflow into the old generation at every collection (bench/ingest: a rescan -20%).
        command.addAll(List.of("--enable-native-access=org.jline.terminal.ffm", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xss1m",
                "-Xmx256m", "-Xmn160m", "-Xlog:aot=off", "-Xlog:cds=off", "-Dretrovue.home=" + home, "-Dretrovue.build=" + build,
                "-Dretrovue.resident.serve=true"));
        String options = env.getOrDefault("RETROVUE_JAVA_OPTS", "").strip();
        if (!options.isEmpty()) {
            command.addAll(List.of(options.split("\\s+")));
        }
        command.addAll(List.of("-m", "org.retrovue.launcher/org.retrovue.launcher.Main"));
        ProcessBuilder builder = new ProcessBuilder(command);
        ResidentEnvironment.restrict(builder.environment());
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(files.log().toFile()))
                .redirectErrorStream(true);
        builder.start();
    }
}
