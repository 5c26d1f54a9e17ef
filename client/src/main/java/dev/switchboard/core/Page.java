package dev.switchboard.core;

import java.util.List;

/** One page of a listing. */
public interface Page<T> {
    boolean hasNextPage();

    /** The next page; IllegalStateException when there is none. */
    Page<T> nextPage();

    List<T> items();
}
