package dev.switchboard.core.http;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** A stream of values delivered to a handler as they arrive. */
public interface AsyncStreamResponse<T> {

    /** Delivers values to {@code handler} on the client's stream executor. At most one subscription. */
    AsyncStreamResponse<T> subscribe(Handler<? super T> handler);

    /** Delivers values to {@code handler} on {@code executor}, one at a time, in order. */
    AsyncStreamResponse<T> subscribe(Handler<? super T> handler, Executor executor);

    /** Completes when the stream ends: normally, exceptionally with its error, or on close. */
    CompletableFuture<Void> onCompleteFuture();

    /** Cancels the request; no more values are delivered. */
    void close();

    @FunctionalInterface
    interface Handler<T> {
        void onNext(T value);

        /** Called once at the end, with the error if the stream failed. */
        default void onComplete(Optional<Throwable> error) {}
    }
}
