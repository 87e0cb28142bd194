package org.retrovue.example.manifest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A NAS's web server for tests: a real HTTP server on 127.0.0.1 that serves one manifest at {@code /media/list.csv},
 * asks for {@code Authorization: Bearer TOKEN} when a token is set, gives an ETag and answers 304 to a matching
 * If-None-Match. {@code status} other than 200 makes it answer that instead.
 */
final class NasServer implements AutoCloseable {
    final HttpServer server;
    volatile String manifest;
    volatile String token;
    volatile int status = 200;
    /** The status of each answer, in order. */
    final List<Integer> answered = new CopyOnWriteArrayList<>();

    NasServer(String manifest, String token) throws IOException {
        this.manifest = manifest;
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/media/list.csv", this::answer);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/media/list.csv";
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String etag = "\"" + Manifest.hash(manifest) + "\"";
            exchange.getResponseHeaders().set("Server", "TestNAS/2.1");
            int code = status != 200 ? status
                    : token != null && !("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization")) ? 401
                    : etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match")) ? 304 : 200;
            answered.add(code);
            byte[] body = manifest.getBytes(StandardCharsets.UTF_8);
            if (code != 200 || exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(code, -1);
                return;
            }
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
