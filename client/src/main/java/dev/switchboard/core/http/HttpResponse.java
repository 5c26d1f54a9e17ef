package dev.switchboard.core.http;

import java.io.InputStream;
import java.util.Optional;

/** A raw response whose body is read as it arrives (speech audio, for one). Close it when done. */
public interface HttpResponse extends AutoCloseable {
    int statusCode();

    Headers headers();

    default Optional<String> requestId() {
        return headers().values("x-request-id").stream().findFirst();
    }

    /** The body, streamed, not buffered; read it once. */
    InputStream body();

    @Override
    void close();

    interface Handler<T> {
        T handle(HttpResponse response);
    }
}
