package dev.switchboard.errors;

import dev.switchboard.core.JsonMissing;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.http.Headers;
import dev.switchboard.core.internal.JsonValueAdapter;
import dev.switchboard.models.ErrorObject;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A server answered with an error: the HTTP status, its headers, and the error object it sent
 * (whatever its dialect: OpenAI, vLLM, llama.cpp, TGI or Ollama bodies are all read into one shape).
 */
public abstract class OpenAIServiceException extends OpenAIException {
    private final int statusCode;
    private final Headers headers;
    private final ErrorObject error;

    protected OpenAIServiceException(int statusCode, Builder<?, ?> builder) {
        super(statusCode + ": " + describe(builder.error), builder.cause);
        this.statusCode = statusCode;
        this.headers = Objects.requireNonNull(builder.headers, "`headers` is required, but was not set");
        this.error = builder.error;
    }

    private static String describe(ErrorObject error) {
        if (error == null) return "Unknown";
        try {
            return error.message();
        } catch (OpenAIInvalidDataException noMessage) {
            return JsonValueAdapter.toJsonString(JsonValue.from(error));
        }
    }

    public int statusCode() {
        return statusCode;
    }

    public Headers headers() {
        return headers;
    }

    /** The error object as JSON; {@link JsonMissing} when the server sent none. */
    public JsonValue body() {
        return error == null ? JsonMissing.of() : JsonValue.from(error);
    }

    public Optional<String> code() {
        return error == null ? Optional.empty() : error.code();
    }

    public Optional<String> param() {
        return error == null ? Optional.empty() : error.param();
    }

    public Optional<String> type() {
        if (error == null) return Optional.empty();
        try {
            return Optional.of(error.type());
        } catch (OpenAIInvalidDataException noType) {
            return Optional.empty();
        }
    }

    /** The request id the server gave, when it did. */
    public Optional<String> requestId() {
        return headers.values("x-request-id").stream().findFirst();
    }

    /** The fields every service exception is built from. */
    public abstract static class Builder<E extends OpenAIServiceException, B extends Builder<E, B>> {
        private final Function<B, E> constructor;
        Headers headers;
        ErrorObject error;
        Throwable cause;
        int statusCode;

        Builder(Function<B, E> constructor) {
            this.constructor = constructor;
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        B from(OpenAIServiceException e) {
            headers = e.headers;
            error = e.error;
            cause = e.getCause();
            statusCode = e.statusCode;
            return self();
        }

        public B headers(Headers headers) {
            this.headers = headers;
            return self();
        }

        public B error(ErrorObject error) {
            this.error = error;
            return self();
        }

        public B error(Optional<ErrorObject> error) {
            return error(error.orElse(null));
        }

        public B cause(Throwable cause) {
            this.cause = cause;
            return self();
        }

        public B cause(Optional<Throwable> cause) {
            return cause(cause.orElse(null));
        }

        public E build() {
            return constructor.apply(self());
        }
    }

    /** A builder for exceptions whose status code is not fixed by their class. */
    public abstract static class StatusBuilder<E extends OpenAIServiceException, B extends StatusBuilder<E, B>>
            extends Builder<E, B> {
        StatusBuilder(Function<B, E> constructor) {
            super(constructor);
        }

        @SuppressWarnings("unchecked")
        public B statusCode(int statusCode) {
            this.statusCode = statusCode;
            return (B) this;
        }

        int requireStatusCode() {
            if (statusCode == 0) throw new IllegalStateException("`statusCode` is required, but was not set");
            return statusCode;
        }
    }
}
