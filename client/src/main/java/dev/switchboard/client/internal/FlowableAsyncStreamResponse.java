package dev.switchboard.client.internal;

import dev.switchboard.core.http.AsyncStreamResponse;
import io.reactivex.rxjava3.core.Flowable;
import java.util.Iterator;
import java.util.Optional;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stream delivered to a handler. The request starts at once, as the official SDK's does (a refused
 * request fails {@link #onCompleteFuture()} even before anyone subscribes); on subscription one task
 * on the executor reads the stream and calls the handler for each value in order, then
 * {@code onComplete} once. A handler that throws ends the stream with its exception.
 * {@link #close()} cancels the request.
 */
public final class FlowableAsyncStreamResponse<T> implements AsyncStreamResponse<T> {
    private enum State { NEW, SUBSCRIBED, CLOSED }

    private final Executor defaultExecutor;
    private final CompletableFuture<Void> onComplete = new CompletableFuture<>();
    private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
    // Made before the request starts, so close() can cancel it even while it connects.
    private final BlockingStreamResponse<T> stream = BlockingStreamResponse.unstarted();

    private final CompletableFuture<Void> started;

    public FlowableAsyncStreamResponse(Flowable<T> source, Executor defaultExecutor) {
        this.defaultExecutor = defaultExecutor;
        // Connecting blocks a thread until the response headers arrive; an I/O thread, not the caller's.
        this.started = CompletableFuture.runAsync(() -> stream.start(source), command -> Schedulers.io().scheduleDirect(command));
        started.whenComplete((ignored, error) -> {
            if (error != null && state.get() != State.CLOSED) onComplete.completeExceptionally(unwrap(error));
        });
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    @Override
    public AsyncStreamResponse<T> subscribe(Handler<? super T> handler) {
        return subscribe(handler, defaultExecutor);
    }

    @Override
    public AsyncStreamResponse<T> subscribe(Handler<? super T> handler, Executor executor) {
        if (!state.compareAndSet(State.NEW, State.SUBSCRIBED)) {
            throw new IllegalStateException(state.get() == State.SUBSCRIBED
                    ? "Cannot subscribe more than once" : "Cannot subscribe after the response is closed");
        }
        try {
            executor.execute(() -> deliver(handler));
        } catch (RuntimeException rejected) {
            // Nobody will ever deliver: say so to whoever waits on the future, as well as here.
            onComplete.completeExceptionally(rejected);
            close();
            throw rejected;
        }
        return this;
    }

    private void deliver(Handler<? super T> handler) {
        Throwable failure = null;
        try {
            try {
                started.join();
            } catch (CompletionException e) {
                throw unwrap(e);
            }
            Iterator<T> values = stream.stream().iterator();
            while (values.hasNext()) handler.onNext(values.next());
        } catch (Throwable t) {
            failure = t;
            stream.close();
        }
        try {
            handler.onComplete(Optional.ofNullable(failure));
        } finally {
            if (failure == null) onComplete.complete(null);
            else onComplete.completeExceptionally(failure);
        }
    }

    @Override
    public CompletableFuture<Void> onCompleteFuture() {
        return onComplete;
    }

    @Override
    public void close() {
        if (state.getAndSet(State.CLOSED) == State.CLOSED) return;
        stream.close();
        onComplete.complete(null);
    }
}
