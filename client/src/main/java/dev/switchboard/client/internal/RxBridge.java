package dev.switchboard.client.internal;

import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.util.concurrent.CompletableFuture;

/** Bridges the Rx pipelines to the official shapes: blocking values, and CompletableFutures that cancel the request when cancelled. */
public final class RxBridge {
    private RxBridge() {}

    public static <T> CompletableFuture<T> future(Single<T> single) {
        return single.subscribeOn(Schedulers.io()).toCompletionStage().toCompletableFuture();
    }

    /** Awaits a call on this thread; its exception is thrown as it is. */
    public static <T> T await(Single<T> single) {
        return single.blockingGet();
    }
}
