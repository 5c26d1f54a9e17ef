package dev.switchboard.router;

import java.time.Duration;

/**
 * How the router probes its deployments: every {@code interval}, with a probe that never costs a
 * completion (a health or model-list route), each allowed {@code timeout}. Probes feed the cooldown
 * breaker: a failing probe takes a deployment out, a passing one lets a cooled deployment be tried.
 */
public final class HealthPolicy {
    private static final HealthPolicy DEFAULTS = builder().build();
    private static final HealthPolicy DISABLED = builder().enabled(false).build();

    private final boolean enabled;
    private final Duration interval;
    private final Duration timeout;

    private HealthPolicy(Builder b) {
        this.enabled = b.enabled;
        this.interval = b.interval;
        this.timeout = b.timeout;
    }

    public static HealthPolicy ofDefaults() {
        return DEFAULTS;
    }

    public static HealthPolicy disabled() {
        return DISABLED;
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean enabled() {
        return enabled;
    }

    /** Time between probes of a deployment; 30 s unless set. */
    public Duration interval() {
        return interval;
    }

    /** How long a probe may take; 10 s unless set. */
    public Duration timeout() {
        return timeout;
    }

    @Override
    public String toString() {
        return enabled ? "HealthPolicy{interval=" + interval + ", timeout=" + timeout + "}" : "HealthPolicy{disabled}";
    }

    public static final class Builder {
        private boolean enabled = true;
        private Duration interval = Duration.ofSeconds(30);
        private Duration timeout = Duration.ofSeconds(10);

        private Builder() {}

        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        public Builder interval(Duration interval) {
            this.interval = positive("health_interval", interval);
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = positive("health_timeout", timeout);
            return this;
        }

        public HealthPolicy build() {
            return new HealthPolicy(this);
        }

        private static Duration positive(String name, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be > 0, was " + d);
            return d;
        }
    }
}
