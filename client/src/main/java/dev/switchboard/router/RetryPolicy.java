package dev.switchboard.router;

import dev.switchboard.errors.OpenAIServiceException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * How many times a call is tried again and how long to wait in between: exponential backoff from
 * 0.5 s doubling to 8 s, with up to 25% jitter, unless the server's Retry-After says otherwise (then
 * its wait, capped). The defaults are the official SDK's: 2 retries.
 */
public final class RetryPolicy {
    private static final RetryPolicy DEFAULTS = builder().build();

    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final double jitter;

    private RetryPolicy(Builder b) {
        this.maxRetries = b.maxRetries;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.maxRetryAfter = b.maxRetryAfter;
        this.jitter = b.jitter;
    }

    public static RetryPolicy ofDefaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().maxRetries(maxRetries).initialBackoff(initialBackoff).maxBackoff(maxBackoff)
                .maxRetryAfter(maxRetryAfter).jitter(jitter);
    }

    /** Attempts after the first; a call is tried at most {@code maxRetries() + 1} times. */
    public int maxRetries() {
        return maxRetries;
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry) after {@code failure}.
     * {@code random} gives numbers in [0, 1) for the jitter.
     */
    public Duration delay(int retry, Throwable failure, Clock clock, DoubleSupplier random) {
        Optional<Duration> asked = failure instanceof OpenAIServiceException
                ? RetryAfter.of(((OpenAIServiceException) failure).headers(), clock)
                : Optional.empty();
        if (asked.isPresent()) {
            Duration wait = asked.get();
            return wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait;
        }
        double seconds = initialBackoff.toNanos() / 1e9 * Math.pow(2, retry - 1);
        seconds = Math.min(seconds, maxBackoff.toNanos() / 1e9);
        seconds *= 1 - jitter * random.getAsDouble();
        return Duration.ofNanos((long) (seconds * 1e9));
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxRetries=" + maxRetries + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", maxRetryAfter=" + maxRetryAfter + ", jitter=" + jitter + "}";
    }

    public static final class Builder {
        private int maxRetries = 2;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(8);
        private Duration maxRetryAfter = Duration.ofSeconds(8);
        private double jitter = 0.25;

        private Builder() {}

        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
            this.maxRetries = maxRetries;
            return this;
        }

        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = nonNegative("initialBackoff", initialBackoff);
            return this;
        }

        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = nonNegative("maxBackoff", maxBackoff);
            return this;
        }

        /** The longest wait a server's Retry-After may impose; longer asks are cut to this. */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = nonNegative("maxRetryAfter", maxRetryAfter);
            return this;
        }

        /** The largest fraction cut from a backoff at random, in [0, 1]. */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0 && jitter <= 1)) throw new IllegalArgumentException("jitter must be in [0, 1], was " + jitter);
            this.jitter = jitter;
            return this;
        }

        public RetryPolicy build() {
            return new RetryPolicy(this);
        }

        private static Duration nonNegative(String name, Duration d) {
            if (d == null || d.isNegative()) throw new IllegalArgumentException(name + " must be >= 0, was " + d);
            return d;
        }
    }
}
