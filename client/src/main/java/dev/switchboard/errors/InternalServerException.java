package dev.switchboard.errors;

/** HTTP 5xx: the server failed. */
public final class InternalServerException extends OpenAIServiceException {
    private InternalServerException(Builder builder) {
        super(builder.requireStatusCode(), builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().from(this);
    }

    public static final class Builder extends OpenAIServiceException.StatusBuilder<InternalServerException, Builder> {
        private Builder() {
            super(InternalServerException::new);
        }
    }
}
