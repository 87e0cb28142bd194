package org.retrovue.plugin.jellyfin;

import java.net.http.HttpClient;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The HTTP client's settings for a plain http:// server, which never redirects this client elsewhere (see the
 * same-origin check). HTTP/1.1: the JDK's h2c upgrade would hold the pages in flight behind the first one. And a TLS
 * context that can do nothing, with empty TLS parameters: left to itself the client builds the JDK's default
 * context (its CA store costs a cold process ~0.1 s to read) and asks a TLS socket for its parameters (~40 ms).
 */
final class PlainHttp {
    private static final SSLContext NO_TLS = new SSLContext(new NoTls(), null, "none") {};

    private PlainHttp() {}

    static HttpClient.Builder configure(HttpClient.Builder builder) {
        return builder.version(HttpClient.Version.HTTP_1_1).sslContext(NO_TLS).sslParameters(new SSLParameters());
    }

    private static final class NoTls extends SSLContextSpi {
        private static IllegalStateException refused() {
            return new IllegalStateException("TLS is not used with a plain http:// server");
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            throw new KeyManagementException("TLS is not used with a plain http:// server");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw refused();
        }
    }
}
