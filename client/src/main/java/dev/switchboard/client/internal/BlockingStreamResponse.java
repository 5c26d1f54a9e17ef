package dev.switchboard.client.internal;

import dev.switchboard.core.http.StreamResponse;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.FlowableSubscriber;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.reactivestreams.Subscription;

/**
 * A stream read on the caller's thread: each step requests one item, so when the source produces
 * on the requesting thread (an HTTP stream does) the caller sees every chunk as soon as it is read,
 * with no thread hop and no read-ahead. A source that produces elsewhere (a local engine, a retry
 * after a backoff) is waited for. {@link #close()} cancels the source from any thread.
 */
public final class BlockingStreamResponse<T> implements StreamResponse<T> {
    private final AtomicBoolean streamed = new AtomicBoolean();
    private final Puller<T> puller = new Puller<>();

    private BlockingStreamResponse() {}

    /**
     * Starts the request now, as the official SDK does: a request the server refuses outright
     * (401, 404, …) throws here rather than on the first read.
     */
    public static <T> BlockingStreamResponse<T> open(Flowable<T> source) {
        BlockingStreamResponse<T> response = new BlockingStreamResponse<>();
        response.start(source);
        return response;
    }

    /** A response not started yet: {@link #close()} before or during {@link #start} cancels the request. */
    static <T> BlockingStreamResponse<T> unstarted() {
        return new BlockingStreamResponse<>();
    }

    /** Sends the request; throws when it fails before any item (a 401, or every attempt failed). */
    void start(Flowable<T> source) {
        source.subscribe(puller);
        puller.throwIfFailedBeforeAnyItem();
    }

    @Override
    public Stream<T> stream() {
        if (!streamed.compareAndSet(false, true)) throw new IllegalStateException("stream() can be called only once");
        Iterator<T> iterator = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return puller.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) throw new NoSuchElementException();
                return puller.take();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(this::close);
    }

    @Override
    public void close() {
        puller.cancel();
    }

    /** Holds at most one item; asks for the next only when the caller wants it. */
    private static final class Puller<T> implements FlowableSubscriber<T> {
        private final Object lock = new Object();
        private Subscription subscription;
        private T item;
        private Throwable error;
        private boolean done;
        private boolean requested;
        private boolean cancelled;

        @Override
        public void onSubscribe(Subscription s) {
            boolean cancelNow;
            synchronized (lock) {
                subscription = s;
                cancelNow = cancelled;
            }
            if (cancelNow) s.cancel();
        }

        @Override
        public void onNext(T t) {
            synchronized (lock) {
                item = t;
                requested = false;
                lock.notifyAll();
            }
        }

        @Override
        public void onError(Throwable t) {
            synchronized (lock) {
                error = t;
                done = true;
                lock.notifyAll();
            }
        }

        @Override
        public void onComplete() {
            synchronized (lock) {
                done = true;
                lock.notifyAll();
            }
        }

        boolean hasNext() {
            Subscription toRequest = null;
            synchronized (lock) {
                if (item != null) return true;
                if (cancelled) return false;
                if (!done && !requested) {
                    requested = true;
                    toRequest = subscription;
                }
            }
            // Requested outside the lock: a synchronous source delivers the item right here.
            if (toRequest != null) toRequest.request(1);
            synchronized (lock) {
                while (item == null && !done && !cancelled) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        cancel();
                        throw new dev.switchboard.errors.OpenAIIoException("Interrupted while waiting for the stream", e);
                    }
                }
                if (item != null) return true;
                if (error != null && !cancelled) {
                    Throwable e = error;
                    error = null;
                    throw e instanceof RuntimeException ? (RuntimeException) e : new RuntimeException(e);
                }
                return false;
            }
        }

        void throwIfFailedBeforeAnyItem() {
            RuntimeException failure;
            synchronized (lock) {
                if (error == null) return;
                failure = error instanceof RuntimeException ? (RuntimeException) error : new RuntimeException(error);
                error = null;
            }
            throw failure;
        }

        T take() {
            synchronized (lock) {
                T t = item;
                item = null;
                return t;
            }
        }

        void cancel() {
            Subscription s;
            synchronized (lock) {
                if (cancelled) return;
                cancelled = true;
                s = subscription;
                lock.notifyAll();
            }
            if (s != null) s.cancel();
        }
    }
}
