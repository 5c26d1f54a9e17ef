package dev.switchboard.core;

import java.time.Duration;
import java.util.Optional;

/** Options for one call, overriding the client's: response validation and timeout. */
public final class RequestOptions {
    private static final RequestOptions NONE = builder().build();

    private final Boolean responseValidation;
    private final Timeout timeout;

    private RequestOptions(Boolean responseValidation, Timeout timeout) {
        this.responseValidation = responseValidation;
        this.timeout = timeout;
    }

    public static RequestOptions none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Boolean> responseValidation() {
        return Optional.ofNullable(responseValidation);
    }

    public Optional<Timeout> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** These options, with what they leave unset taken from {@code defaults}. */
    public RequestOptions applyDefaults(RequestOptions defaults) {
        Timeout merged = timeout == null ? defaults.timeout
                : defaults.timeout == null ? timeout : timeout.withDefaults(defaults.timeout);
        return new RequestOptions(responseValidation != null ? responseValidation : defaults.responseValidation, merged);
    }

    @Override
    public String toString() {
        return "RequestOptions{responseValidation=" + responseValidation + ", timeout=" + timeout + "}";
    }

    public static final class Builder {
        private Boolean responseValidation;
        private Timeout timeout;

        private Builder() {}

        public Builder responseValidation(boolean responseValidation) {
            this.responseValidation = responseValidation;
            return this;
        }

        public Builder timeout(Timeout timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder timeout(Duration timeout) {
            return timeout(Timeout.builder().request(timeout).build());
        }

        public RequestOptions build() {
            return new RequestOptions(responseValidation, timeout);
        }
    }
}
