package dev.switchboard.core;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One page of a listing, fetched asynchronously. */
public interface PageAsync<T> {
    boolean hasNextPage();

    /** The next page; fails with IllegalStateException when there is none. */
    CompletableFuture<? extends PageAsync<T>> nextPage();

    List<T> items();
}
