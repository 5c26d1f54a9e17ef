package dev.switchboard.router;

import java.time.Duration;

/**
 * When a deployment is taken out of rotation, and for how long: after {@code allowedFails} counted
 * failures within {@code window}, or when its failure rate over {@code window} passes
 * {@code failureRateThreshold} once {@code minimumRequests} calls were seen. It then cools for
 * {@code cooldown} (or as long as a 429's Retry-After asks, if longer), and {@code halfOpenProbes}
 * trial calls decide whether it comes back. Only failures of the deployment count: a caller's own
 * timeout and 4xx answers do not.
 */
public final class CooldownPolicy {
    private static final CooldownPolicy DEFAULTS = builder().build();

    private final int allowedFails;
    private final Duration window;
    private final Duration cooldown;
    private final float failureRateThreshold;
    private final int minimumRequests;
    private final int halfOpenProbes;

    private CooldownPolicy(Builder b) {
        this.allowedFails = b.allowedFails;
        this.window = b.window;
        this.cooldown = b.cooldown;
        this.failureRateThreshold = b.failureRateThreshold;
        this.minimumRequests = b.minimumRequests;
        this.halfOpenProbes = b.halfOpenProbes;
    }

    public static CooldownPolicy ofDefaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().allowedFails(allowedFails).window(window).cooldown(cooldown)
                .failureRateThreshold(failureRateThreshold).minimumRequests(minimumRequests).halfOpenProbes(halfOpenProbes);
    }

    /** Failures within the window that a deployment may have and stay in rotation; 3 unless set. */
    public int allowedFails() {
        return allowedFails;
    }

    /** The window failures and the failure rate are counted over; 60 s unless set. */
    public Duration window() {
        return window;
    }

    /** How long a deployment stays out once cooled; 30 s unless set. */
    public Duration cooldown() {
        return cooldown;
    }

    /** The failure rate, in percent, that cools a deployment; 50 unless set. */
    public float failureRateThreshold() {
        return failureRateThreshold;
    }

    /** Calls within the window before the failure rate counts; 20 unless set. */
    public int minimumRequests() {
        return minimumRequests;
    }

    /** Trial calls let through after the cooldown; 1 unless set. */
    public int halfOpenProbes() {
        return halfOpenProbes;
    }

    @Override
    public String toString() {
        return "CooldownPolicy{allowedFails=" + allowedFails + ", window=" + window + ", cooldown=" + cooldown
                + ", failureRateThreshold=" + failureRateThreshold + ", minimumRequests=" + minimumRequests
                + ", halfOpenProbes=" + halfOpenProbes + "}";
    }

    public static final class Builder {
        private int allowedFails = 3;
        private Duration window = Duration.ofSeconds(60);
        private Duration cooldown = Duration.ofSeconds(30);
        private float failureRateThreshold = 50;
        private int minimumRequests = 20;
        private int halfOpenProbes = 1;

        private Builder() {}

        public Builder allowedFails(int allowedFails) {
            if (allowedFails < 0) throw new IllegalArgumentException("cooldown.allowed_fails must be >= 0, was " + allowedFails);
            this.allowedFails = allowedFails;
            return this;
        }

        public Builder window(Duration window) {
            this.window = positive("cooldown.window", window);
            return this;
        }

        public Builder cooldown(Duration cooldown) {
            this.cooldown = positive("cooldown", cooldown);
            return this;
        }

        public Builder failureRateThreshold(float percent) {
            if (!(percent > 0 && percent <= 100)) {
                throw new IllegalArgumentException("cooldown.failure_rate_threshold must be in (0, 100], was " + percent);
            }
            this.failureRateThreshold = percent;
            return this;
        }

        public Builder minimumRequests(int minimumRequests) {
            if (minimumRequests < 1) throw new IllegalArgumentException("cooldown.minimum_requests must be >= 1, was " + minimumRequests);
            this.minimumRequests = minimumRequests;
            return this;
        }

        public Builder halfOpenProbes(int halfOpenProbes) {
            if (halfOpenProbes < 1) throw new IllegalArgumentException("cooldown.half_open_probes must be >= 1, was " + halfOpenProbes);
            this.halfOpenProbes = halfOpenProbes;
            return this;
        }

        public CooldownPolicy build() {
            return new CooldownPolicy(this);
        }

        private static Duration positive(String name, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be > 0, was " + d);
            return d;
        }
    }
}
