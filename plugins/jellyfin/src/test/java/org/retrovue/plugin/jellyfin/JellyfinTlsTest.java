package org.retrovue.plugin.jellyfin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.retrovue.spi.SourceConnection;
import org.retrovue.spi.SourceException;
import org.retrovue.spi.SourceKind;
import org.retrovue.spi.testkit.SourceKindContract;

/** A server whose certificate does not verify (self-signed, another name) gets one line that says so, and never the key. */
@Timeout(120)
class JellyfinTlsTest {
    private static final String KEY = "tls-test-secret-api-key";

    @TempDir
    Path temp;

    @Test
    void aCertificateThatDoesNotVerifyIsOneClearLine() throws Exception {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(selfSigned()));
        AtomicInteger answered = new AtomicInteger();
        server.createContext("/", exchange -> {
            answered.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        String url = "https://127.0.0.1:" + server.getAddress().getPort();
        try {
            for (SourceKind kind : new SourceKind[] {new JellyfinSourceKind(), new EmbySourceKind()}) {
                Map<String, Object> config = kind.validate(Map.of("base-url", url, "api-key", KEY));
                SourceException e = assertThrows(SourceException.class, () -> {
                    try (SourceConnection connection = kind.connect(config, SourceKindContract.testContext())) {
                        connection.fingerprint();
                    }
                });
                String product = kind instanceof EmbySourceKind ? "Emby" : "Jellyfin";
                assertEquals(SourceException.Code.UNREACHABLE, e.code(), e.getMessage());
                assertTrue(e.getMessage().startsWith(product + " at " + url + " failed the TLS handshake ("), e.getMessage());
                assertTrue(e.getMessage().endsWith("); use an address its certificate names, add its certificate authority to the trust store,"
                        + " or use http:// on a trusted network"), e.getMessage());
                assertEquals(1, e.getMessage().lines().count(), e.getMessage());
                assertFalse(e.getMessage().contains(KEY), e.getMessage());
            }
            assertEquals(0, answered.get(), "no request got past the handshake");
        } finally {
            server.stop(0);
        }
    }

    /** A key pair with a self-signed certificate for another name, made by the JDK's keytool. */
    private SSLContext selfSigned() throws Exception {
        Path keystore = temp.resolve("server.p12");
        Path log = temp.resolve("keytool.log");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=wrong.example", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, Files.readString(log));
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        return tls;
    }
}
