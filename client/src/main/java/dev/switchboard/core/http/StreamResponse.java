package dev.switchboard.core.http;

import java.util.stream.Stream;

/**
 * A stream of values from the server. Use it in try-with-resources: {@link #close()} cancels the
 * request, remote or local, and is safe to call more than once.
 */
public interface StreamResponse<T> extends AutoCloseable {
    /** The values as they arrive. A stream cut short ends with an exception, never quietly. */
    Stream<T> stream();

    @Override
    void close();
}
