package org.retrovue.fakejellyfin;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

/**
 * Runs a fake Jellyfin or Emby server on its own, for benchmarks and manual tries, until the process is stopped.
 * Prints one line with its URL and key once it answers; with {@code --log FILE}, appends one line per request to
 * that file (time, method, path and query, with any key in the query blanked).
 */
public final class FakeJellyfinMain {
    private static final String USAGE = "usage: fake-jellyfin [--dialect jellyfin|emby] [--port 8096] [--base-path PATH]"
            + " [--libraries 2] [--items 1000] [--latency-ms 0] [--api-key KEY] [--fail-rate 0.0]"
            + " [--legacy-auth on|off] [--server-id ID] [--log FILE]";
    private static final Pattern KEY_IN_QUERY = Pattern.compile("(?i)([?&](?:api_?key)=)[^&]*");

    private FakeJellyfinMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (List.of(args).contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        FakeJellyfinServer server;
        PrintWriter log = null;
        try {
            Options options = parse(args);
            if (options.log != null) {
                log = new PrintWriter(Files.newBufferedWriter(options.log, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND), true);
                PrintWriter logTo = log;
                options.builder.onRequest(request -> logTo.println(Instant.now() + " " + request.method() + " "
                        + KEY_IN_QUERY.matcher(request.uri()).replaceAll("$1***")));
            }
            server = options.builder.build();
        } catch (IllegalArgumentException e) {
            System.err.println("fake-jellyfin: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        } catch (IOException e) {
            System.err.println("fake-jellyfin: cannot write the log: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        PrintWriter openLog = log;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            if (openLog != null) {
                openLog.close();
            }
            stopped.countDown();
        }, "fake-jellyfin-shutdown"));
        try {
            server.start();
        } catch (UncheckedIOException e) {
            System.err.println("fake-jellyfin: " + e.getMessage() + ": " + e.getCause().getMessage());
            System.exit(1);
        }
        System.out.println("fake " + server.dialect().cliName() + " server at " + server.baseUrl() + " api key " + server.apiKey()
                + " id " + server.serverId()
                + (server.dialect() == Dialect.JELLYFIN ? " legacy auth " + (server.legacyAuthorization() ? "on" : "off") : ""));
        stopped.await();
    }

    private record Options(FakeJellyfinServer.Builder builder, Path log) {
    }

    private static Options parse(String[] args) {
        FakeJellyfinServer.Builder builder = FakeJellyfinServer.builder().port(8_096);
        int libraries = 2;
        int items = 1_000;
        Path log = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--dialect" -> builder.dialect(Dialect.of(value));
                case "--port" -> builder.port(number(option, value));
                case "--base-path" -> builder.basePath(value);
                case "--libraries" -> libraries = number(option, value);
                case "--items" -> items = number(option, value);
                case "--latency-ms" -> builder.latency(Duration.ofMillis(number(option, value)));
                case "--api-key" -> builder.apiKey(value);
                case "--fail-rate" -> builder.failureRate(rate(value));
                case "--legacy-auth" -> builder.legacyAuthorization(onOff(option, value));
                case "--server-id" -> builder.serverId(value);
                case "--log" -> log = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new Options(builder.sampleLibraries(libraries, items), log);
    }

    private static int number(String option, String value) {
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number: " + value, e);
        }
        if (number < 0) {
            throw new IllegalArgumentException(option + " cannot be negative: " + value);
        }
        return number;
    }

    private static boolean onOff(String option, String value) {
        return switch (value) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException(option + " needs on or off: " + value);
        };
    }

    private static double rate(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--fail-rate needs a number between 0 and 1: " + value, e);
        }
    }
}
