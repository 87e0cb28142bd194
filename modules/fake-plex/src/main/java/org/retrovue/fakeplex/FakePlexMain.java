package org.retrovue.fakeplex;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a fake Plex server on its own, for benchmarks and manual tries, until the process is stopped:
 * {@code --port 32400 --libraries 3 --items 50000 --latency-ms 50 --token TOKEN [--fail-rate 0.1] [--machine-id ID]}.
 * Prints one line with its URL and token once it answers.
 */
public final class FakePlexMain {
    private static final String USAGE = "usage: fake-plex [--port 32400] [--libraries 3] [--items 1000] [--latency-ms 0]"
            + " [--token TOKEN] [--fail-rate 0.0] [--machine-id ID]";

    private FakePlexMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (List.of(args).contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        FakePlexServer server;
        try {
            server = parse(args).build();
        } catch (IllegalArgumentException e) {
            System.err.println("fake-plex: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "fake-plex-shutdown"));
        try {
            server.start();
        } catch (UncheckedIOException e) {
            System.err.println("fake-plex: " + e.getMessage() + ": " + e.getCause().getMessage());
            System.exit(1);
        }
        System.out.println("fake Plex server at " + server.baseUrl() + " token " + server.token()
                + " machineIdentifier " + server.machineIdentifier());
        stopped.await();
    }

    private static FakePlexServer.Builder parse(String[] args) {
        FakePlexServer.Builder builder = FakePlexServer.builder().port(32_400);
        int libraries = 3;
        int items = 1_000;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--port" -> builder.port(number(option, value));
                case "--libraries" -> libraries = number(option, value);
                case "--items" -> items = number(option, value);
                case "--latency-ms" -> builder.latency(Duration.ofMillis(number(option, value)));
                case "--token" -> builder.token(value);
                case "--fail-rate" -> builder.failureRate(rate(value));
                case "--machine-id" -> builder.machineIdentifier(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return builder.sampleLibraries(libraries, items);
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

    private static double rate(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--fail-rate needs a number between 0 and 1: " + value, e);
        }
    }
}
