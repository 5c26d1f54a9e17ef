package dev.switchboard.errors;

/** HTTP 422: the request is well formed but cannot be processed. */
public final class UnprocessableEntityException extends OpenAIServiceException {
    private UnprocessableEntityException(Builder builder) {
        super(422, builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().from(this);
    }

    public static final class Builder extends OpenAIServiceException.Builder<UnprocessableEntityException, Builder> {
        private Builder() {
            super(UnprocessableEntityException::new);
        }
    }
}
