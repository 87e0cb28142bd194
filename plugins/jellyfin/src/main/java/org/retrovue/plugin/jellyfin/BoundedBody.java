package org.retrovue.plugin.jellyfin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * One answer's body as bytes, at most {@code limit} of them: a larger body is refused as soon as it passes the limit
 * (its connection abandoned), so a huge answer never fills the heap. Also tells when the answer's headers came, so
 * that a caller can bound the body's time on its own, and can give up a body that stalls.
 */
final class BoundedBody implements HttpResponse.BodyHandler<byte[]> {
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
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
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

    private final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
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
                if (bytes.size() + (long) buffer.remaining() > limit) {
                    failed = true;
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge(limit));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public synchronized void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public synchronized void onComplete() {
            if (!failed && !abandoned) {
                result.complete(bytes.toByteArray());
            }
        }

        @Override
        public CompletionStage<byte[]> getBody() {
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
}
