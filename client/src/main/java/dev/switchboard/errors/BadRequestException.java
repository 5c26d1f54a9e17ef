package dev.switchboard.errors;

/** HTTP 400: the request is invalid; sending it again will not help. */
public final class BadRequestException extends OpenAIServiceException {
    private BadRequestException(Builder builder) {
        super(400, builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().from(this);
    }

    public static final class Builder extends OpenAIServiceException.Builder<BadRequestException, Builder> {
        private Builder() {
            super(BadRequestException::new);
        }
    }
}
