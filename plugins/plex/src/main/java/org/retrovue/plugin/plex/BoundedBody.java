package org.retrovue.plugin.plex;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * One answer's body, at most {@code limit} bytes of it: a larger body is refused as soon as it passes the limit
 * (its connection abandoned), so a huge answer never fills the heap. Also tells when the answer's headers came, so
 * that a caller can bound the body's time on its own, and can give up a body that stalls. The body is read from the
 * buffers as the client received them (as the JDK's own byte-array subscriber keeps them): joining a page of
 * megabytes into one array cost a growing copy and a final one, about a tenth of an ingest's CPU.
 */
final class BoundedBody implements HttpResponse.BodyHandler<InputStream> {
    /** The body passed the limit: never worth trying again. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("the answer is larger than " + limit + " bytes");
        }
    }

    private final long limit;
    private final CompletableFuture<Void> headers = new CompletableFuture<>();
    private volatile Subscriber subscriber;

    BoundedBody(long limit) {
        this.limit = limit;
    }

    /** Completes when the status line and headers came. */
    CompletableFuture<Void> headers() {
        return headers;
    }

    /** Stops reading the body: its subscription is cancelled, which closes the connection. */
    void abandon() {
        Subscriber s = subscriber;
        if (s != null) {
            s.abandon();
        }
    }

    @Override
    public HttpResponse.BodySubscriber<InputStream> apply(HttpResponse.ResponseInfo info) {
        Subscriber s = new Subscriber();
        subscriber = s;
        headers.complete(null);
        long announced = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (announced > limit) {
            s.failed = true;
            s.result.completeExceptionally(new TooLarge(limit));
        }
        return s;
    }

    private final class Subscriber implements HttpResponse.BodySubscriber<InputStream> {
        private final CompletableFuture<InputStream> result = new CompletableFuture<>();
        private final List<ByteBuffer> received = new ArrayList<>();
        private long size;
        private Flow.Subscription subscription;
        private boolean failed;
        private boolean abandoned;

        @Override
        public synchronized void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (failed || abandoned) {
                subscription.cancel();
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public synchronized void onNext(List<ByteBuffer> buffers) {
            if (failed || abandoned) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                size += buffer.remaining();
                if (size > limit) {
                    failed = true;
                    received.clear();
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge(limit));
                    return;
                }
                received.add(buffer);
            }
        }

        @Override
        public synchronized void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public synchronized void onComplete() {
            if (!failed && !abandoned) {
                result.complete(new Buffers(received));
            }
        }

        @Override
        public CompletionStage<InputStream> getBody() {
            return result;
        }

        synchronized void abandon() {
            abandoned = true;
            if (subscription != null) {
                subscription.cancel();
            }
            result.completeExceptionally(new IOException("abandoned"));
        }
    }

    /** The bytes of the buffers received, in order. */
    private static final class Buffers extends InputStream {
        private final List<ByteBuffer> buffers;
        private int current;

        Buffers(List<ByteBuffer> buffers) {
            this.buffers = buffers;
        }

        @Override
        public int read() {
            ByteBuffer buffer = next();
            return buffer == null ? -1 : buffer.get() & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            java.util.Objects.checkFromIndexSize(offset, length, into.length);
            if (length == 0) {
                return 0;
            }
            ByteBuffer buffer = next();
            if (buffer == null) {
                return -1;
            }
            int n = Math.min(length, buffer.remaining());
            buffer.get(into, offset, n);
            return n;
        }

        /** The buffer that has bytes left, null at the end; spent buffers are let go. */
        private ByteBuffer next() {
            while (current < buffers.size()) {
                ByteBuffer buffer = buffers.get(current);
                if (buffer.hasRemaining()) {
                    return buffer;
                }
                buffers.set(current++, null);
            }
            return null;
        }
    }
}
