package dev.switchboard.core;

import dev.switchboard.core.http.AsyncStreamResponse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/** Every item of a listing, delivered to a handler, fetching pages as needed. */
public final class AutoPagerAsync<T> implements AsyncStreamResponse<T> {
    private enum State { NEW, SUBSCRIBED, CLOSED }

    private final PageAsync<T> firstPage;
    private final Executor defaultExecutor;
    private final CompletableFuture<Void> onComplete = new CompletableFuture<>();
    private final AtomicReference<State> state = new AtomicReference<>(State.NEW);

    private AutoPagerAsync(PageAsync<T> firstPage, Executor defaultExecutor) {
        this.firstPage = firstPage;
        this.defaultExecutor = defaultExecutor;
    }

    public static <T> AutoPagerAsync<T> from(PageAsync<T> firstPage, Executor defaultExecutor) {
        return new AutoPagerAsync<>(firstPage, defaultExecutor);
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
        executor.execute(() -> handle(firstPage, handler).whenComplete((ignored, error) -> {
            Throwable actual = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            // Closed before the future completes, so whoever waits on it sees a finished pager.
            state.set(State.CLOSED);
            try {
                handler.onComplete(Optional.ofNullable(actual));
            } finally {
                if (actual == null) onComplete.complete(null);
                else onComplete.completeExceptionally(actual);
            }
        }));
        return this;
    }

    private CompletableFuture<Void> handle(PageAsync<T> page, Handler<? super T> handler) {
        if (state.get() == State.CLOSED) return CompletableFuture.completedFuture(null);
        try {
            page.items().forEach(handler::onNext);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return page.hasNextPage()
                ? page.nextPage().thenCompose(next -> handle(next, handler))
                : CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> onCompleteFuture() {
        return onComplete;
    }

    @Override
    public void close() {
        if (state.getAndSet(State.CLOSED) != State.CLOSED) onComplete.complete(null);
    }
}
