package org.retrovue.example.manifest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.retrovue.spi.SourceContext;
import org.retrovue.spi.SourceException;
import org.retrovue.spi.SourceHealth;

/**
 * A manifest served over HTTP (a NAS's web server), fetched with java.net.http. The optional token goes as a
 * Bearer header to this URL only (no redirect is followed). The last copy is kept in the plugin's state directory
 * with its ETag, sent as If-None-Match: an unchanged manifest is not downloaded again.
 */
final class ServedManifest implements AutoCloseable {
    /** A manifest is text: a million rows fit well within this. */
    private static final long MAX_BYTES = 256L * 1024 * 1024;

    private final URI url;
    private final String token;
    private final Duration timeout;
    private final Charset encoding;
    private final SourceContext context;
    private final HttpClient client;
    private Path temporary;

    /** The copy fetched: the manifest's text, and the ETag the server gave it (null when none). */
    record Copy(Manifest.Text text, String etag) {}

    ServedManifest(URI url, String token, Duration timeout, Charset encoding, SourceContext context) {
        this.url = url;
        this.token = token;
        this.timeout = timeout;
        this.encoding = encoding;
        this.context = context;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    URI url() {
        return url;
    }

    /** The manifest as the server has it now: the kept copy when the server says it has not changed. */
    Copy fetch() throws SourceException {
        Path copy = copyPath();
        String kept = etagOf(copy);
        HttpRequest.Builder request = request().GET();
        if (kept != null) {
            request.header("If-None-Match", kept);
        }
        Path part = copy.resolveSibling(copy.getFileName() + "." + ProcessHandle.current().pid() + "." + Thread.currentThread().threadId() + ".part");
        HttpResponse<Path> response = send(request.build(), BodyHandlers.limiting(info -> {
            if (info.statusCode() != 200) {
                return BodySubscribers.replacing(null);
            }
            try { // the ETag on the copy's first line: copy and ETag are written, and replaced, as one file
                Files.writeString(part, printable(info.headers().firstValue("ETag").orElse("")) + "\n", StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return BodySubscribers.ofFile(part, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }, MAX_BYTES), part);
        int status = response.statusCode();
        if (status == 304 && kept != null) {
            context.logger().log(System.Logger.Level.DEBUG, "GET " + url + ": 304 not modified, reading the kept copy (ETag " + kept + ")");
            return new Copy(textOf(copy), kept);
        }
        if (status != 200) {
            throw refused(status);
        }
        try {
            Files.move(part, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SourceException(SourceException.Code.INTERNAL, "the copy of manifest " + url + " cannot be kept in " + copy.getParent() + ": " + e.getMessage());
        }
        String etag = etagOf(copy);
        context.logger().log(System.Logger.Level.DEBUG, "GET " + url + ": 200, ETag " + (etag == null ? "none" : etag) + ", kept as " + copy);
        return new Copy(textOf(copy), etag);
    }

    /** Whether the server answers and takes the token: one HEAD request. */
    SourceHealth health() {
        HttpResponse<Void> response;
        try {
            response = send(request().method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), BodyHandlers.discarding());
        } catch (SourceException e) {
            return SourceHealth.unreachable(e.getMessage());
        }
        String server = response.headers().firstValue("Server").orElse(null);
        SourceHealth.Check credentials = token == null ? SourceHealth.Check.NOT_APPLICABLE : SourceHealth.Check.OK;
        return switch (response.statusCode()) {
            case 200 -> SourceHealth.healthy(credentials, server, null);
            case 401, 403 -> SourceHealth.credentialsRejected(server, null, refused(response.statusCode()).getMessage());
            default -> new SourceHealth(SourceHealth.Check.OK, SourceHealth.Check.NOT_CHECKED, server, null, refused(response.statusCode()).getMessage());
        };
    }

    private HttpRequest.Builder request() {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> handler) throws SourceException {
        return send(request, handler, null);
    }

    /** Sends, bounding the whole exchange (headers and body) by the timeout; {@code part}, if any, is removed unless kept. */
    private <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> handler, Path part) throws SourceException {
        CompletableFuture<HttpResponse<T>> answer = client.sendAsync(request, handler);
        try {
            HttpResponse<T> response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            part = response.statusCode() == 200 ? null : part;
            return response;
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new SourceException(SourceException.Code.INTERNAL, "stopped while fetching manifest " + url);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new SourceException(SourceException.Code.UNREACHABLE, "manifest server " + origin() + " did not send " + url.getPath() + " within "
                    + timeout.toSeconds() + " s; raise --timeout if it is slow");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
                throw new SourceException(SourceException.Code.UNREACHABLE, "manifest server " + origin() + " cannot be reached; is it running?");
            }
            if (cause instanceof IOException && String.valueOf(cause.getMessage()).contains("exceeds")) { // BodyHandlers.limiting
                throw new SourceException(SourceException.Code.PROTOCOL, "manifest " + url + " is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
            }
            throw new SourceException(SourceException.Code.UNREACHABLE, "manifest " + url + " could not be fetched: "
                    + (cause instanceof UncheckedIOException u ? u.getCause() : cause).getMessage());
        } finally {
            if (part != null) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException e) {
                    // a partial copy nobody reads
                }
            }
        }
    }

    private SourceException refused(int status) {
        return switch (status) {
            case 401, 403 -> new SourceException(SourceException.Code.UNAUTHORIZED, "manifest server " + origin() + (token == null
                    ? " asks for a token (HTTP " + status + "); give one: retrovue source update SOURCE --token-file FILE"
                    : " refused the token (HTTP " + status + "); give the right one: retrovue source update SOURCE --token-file FILE"));
            case 404 -> new SourceException(SourceException.Code.NOT_FOUND, "manifest server " + origin() + " has no " + url.getPath() + " (HTTP 404)");
            default -> new SourceException(SourceException.Code.PROTOCOL, "manifest server " + origin() + " answered HTTP " + status + " for "
                    + url.getPath() + (status / 100 == 3 ? "; redirects are not followed: give the address it redirects to as --file" : ""));
        };
    }

    private String origin() {
        return url.getScheme() + "://" + url.getAuthority();
    }

    /** Where the copy is kept: the state directory, else a temporary file removed on close. */
    private Path copyPath() throws SourceException {
        try {
            if (context.stateDirectory().isPresent()) {
                return context.stateDirectory().get().resolve(Manifest.hash(url.toString()) + ".csv");
            }
            if (temporary == null) {
                temporary = Files.createTempFile("retrovue-manifest-", ".csv");
                Files.delete(temporary); // nothing kept yet: no If-None-Match
            }
            return temporary;
        } catch (IOException e) {
            throw new SourceException(SourceException.Code.INTERNAL, "no room for a copy of manifest " + url + ": " + e.getMessage());
        }
    }

    private static String etagOf(Path copy) {
        try (BufferedReader in = Files.newBufferedReader(copy, StandardCharsets.US_ASCII)) {
            String etag = in.readLine();
            return etag == null || etag.isEmpty() ? null : etag;
        } catch (IOException e) {
            return null; // no copy yet, or another process is replacing it: fetch it whole
        }
    }

    /** The copy's text after its ETag line. */
    private Manifest.Text textOf(Path copy) {
        return () -> {
            BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(copy), encoding.newDecoder()));
            in.readLine();
            return in;
        };
    }

    private static String printable(String text) {
        return text.replaceAll("[^\\x21-\\x7e]", "");
    }

    @Override
    public void close() {
        client.shutdownNow();
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // a temporary file: the system's cleaning removes it
            }
        }
    }
}
