package dev.switchboard.errors;

/** An HTTP status the API does not define. */
public final class UnexpectedStatusCodeException extends OpenAIServiceException {
    private UnexpectedStatusCodeException(Builder builder) {
        super(builder.requireStatusCode(), builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().from(this);
    }

    public static final class Builder extends OpenAIServiceException.StatusBuilder<UnexpectedStatusCodeException, Builder> {
        private Builder() {
            super(UnexpectedStatusCodeException::new);
        }
    }
}
