package dev.switchboard.errors;

/** An error event inside a stream, after the response had started (HTTP 200). */
public final class SseException extends OpenAIServiceException {
    private SseException(Builder builder) {
        super(builder.requireStatusCode(), builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().from(this);
    }

    public static final class Builder extends OpenAIServiceException.StatusBuilder<SseException, Builder> {
        private Builder() {
            super(SseException::new);
        }
    }
}
