package dev.switchboard.errors;

/** HTTP 429: too many requests; the router waits as Retry-After says, or tries another deployment. */
public final class RateLimitException extends OpenAIServiceException {
    private RateLimitException(Builder builder) {
        super(429, builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().from(this);
    }

    public static final class Builder extends OpenAIServiceException.Builder<RateLimitException, Builder> {
        private Builder() {
            super(RateLimitException::new);
        }
    }
}
