package dev.switchboard.errors;

/** HTTP 401: the API key is missing or wrong. */
public final class UnauthorizedException extends OpenAIServiceException {
    private UnauthorizedException(Builder builder) {
        super(401, builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().from(this);
    }

    public static final class Builder extends OpenAIServiceException.Builder<UnauthorizedException, Builder> {
        private Builder() {
            super(UnauthorizedException::new);
        }
    }
}
