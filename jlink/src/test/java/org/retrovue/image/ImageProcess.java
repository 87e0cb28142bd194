package org.retrovue.image;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built image's {@code bin/retrovue} as an operator would: its own data directory, no external database,
 * no resident process unless {@code env} asks for one, optional input on stdin; captures stdout, stderr and the exit code, and fails if the output is held open by a
 * child process after the command ended.
 */
final class ImageProcess {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int code, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private ImageProcess() {}

    /** {@code prefix} goes before the command (a {@code runuser} wrapper); {@code env} adds to the environment. */
    static Run run(Path image, Path dataDir, Map<String, String> env, List<String> prefix, String input, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.add(image.resolve("bin/retrovue").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("RETROVUE_DATABASE_URL");
        builder.environment().put("RETROVUE_DATA_DIR", dataDir.toString());
        builder.environment().put("RETROVUE_RESIDENT", "off"); // each command in a JVM of its own, unless a test asks (ResidentProcessIT)
        builder.environment().putAll(env);
        Process process = builder.start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "retrovue " + String.join(" ", args) + " did not finish");
        try {
            return new Run(process.exitValue(), out.get(30, TimeUnit.SECONDS), err.get(30, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new AssertionError("the output of `retrovue " + String.join(" ", args) + "` was not closed: a child process holds it", e);
        }
    }

    /** All of a process's stream as text; a test that starts its own process reads its output with it too. */
    static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A test server's 200 answer with a JSON body. */
    static void answerJson(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
