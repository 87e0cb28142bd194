package org.retrovue.pg;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the server's own tools ({@code initdb}, {@code pg_ctl}, {@code postgres --single}) detached from our
 * standard streams, their output appended to {@code tools.log}; as root inside a user namespace (docs/adr/0002).
 * A tool that fails is reported in one line with the last words it (or the server) logged, so a full disk reads
 * as a full disk and only a namespace failure gets the namespace hint.
 */
final class ServerTools {
    private static final int TAIL_BYTES = 16 * 1024;

    private final Path binaries;
    private final Path home;
    private final Path serverLog;

    ServerTools(Path binaries, Path home, Path serverLog) {
        this.binaries = binaries;
        this.home = home;
        this.serverLog = serverLog;
    }

    Path tool(String name) {
        return binaries.resolve("bin").resolve(name);
    }

    Path log() {
        return home.resolve("tools.log");
    }

    /** Runs {@code command}; {@code input}, when not null, is its standard input (how secrets reach a tool). */
    void run(List<String> command, String what, String input) {
        List<String> full = new ArrayList<>();
        if (RootDetector.isRoot()) {
            full.add("unshare");
            full.add("-U");
        }
        full.addAll(command);
        Path toolLog = log();
        try {
            Files.createDirectories(home);
            long toolLogStart = size(toolLog);
            long serverLogStart = size(serverLog);
            ProcessBuilder builder = new ProcessBuilder(full)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(toolLog.toFile()))
                    .redirectErrorStream(true);
            if (input == null) {
                builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            }
            Process process = builder.start();
            if (input != null) {
                try (OutputStream in = process.getOutputStream()) {
                    in.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new EmbeddedPostgresException("could not " + what + " within 120 s; see " + toolLog + " and " + serverLog);
            }
            if (process.exitValue() != 0) {
                throw new EmbeddedPostgresException("could not " + what + explain(toolLog, toolLogStart, serverLogStart)
                        + "; see " + toolLog + " and " + serverLog);
            }
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedPostgresException("interrupted while trying to " + what, e);
        }
    }

    private String explain(Path toolLog, long toolLogStart, long serverLogStart) {
        String tools = tail(toolLog, toolLogStart);
        if (RootDetector.isRoot() && tools.contains("unshare")) {
            return " (as root the server runs in a user namespace, and this system refused one: run as a non-root user or set RETROVUE_DATABASE_URL)";
        }
        String last = lastComplaint(tail(serverLog, serverLogStart)); // the server's own words before pg_ctl's summary
        if (last == null) {
            last = lastComplaint(tools);
        }
        return last == null ? "" : " (" + last + ")";
    }

    /** The last line that says what went wrong (PANIC, FATAL, ERROR, or the tool's own complaint), made one line. */
    static String lastComplaint(String log) {
        String found = null;
        for (String line : log.split("\\R")) {
            String l = line.strip();
            for (String marker : new String[] {"PANIC:", "FATAL:", "ERROR:", "initdb: error:", "pg_ctl: "}) {
                int at = l.indexOf(marker);
                if (at >= 0) {
                    found = l.substring(at);
                    break;
                }
            }
        }
        if (found == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder();
        found.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return clean.length() > 300 ? clean.substring(0, 300) + "..." : clean.toString();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** What {@code file} gained since {@code from}, at most its last {@value #TAIL_BYTES} bytes. */
    private static String tail(Path file, long from) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long start = Math.max(from > length ? 0 : from, length - TAIL_BYTES);
            byte[] bytes = new byte[(int) (length - start)];
            in.seek(start);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
