package dev.switchboard.router;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one call needs from a deployment: the call's capability and model, the features it uses
 * (streaming, tools, a JSON schema), its estimated size, and the caller's own timeout. The router
 * skips deployments that lack a feature, whose context window is too small, or whose rate limits
 * are spent.
 */
public final class RouteRequest {
    private final Capability capability;
    private final String model;
    private final Set<Capability> features;
    private final int estimatedPromptTokens;
    private final int maxOutputTokens;
    private final Duration timeout;

    private RouteRequest(Builder b) {
        this.capability = b.capability;
        this.model = b.model;
        this.features = Collections.unmodifiableSet(EnumSet.copyOf(b.features));
        this.estimatedPromptTokens = b.estimatedPromptTokens;
        this.maxOutputTokens = b.maxOutputTokens;
        this.timeout = b.timeout;
    }

    /** A call of {@code capability} on {@code model} (a pool name, or a real model for the default endpoint). */
    public static Builder builder(Capability capability, String model) {
        return new Builder(capability, model);
    }

    public Capability capability() {
        return capability;
    }

    public String model() {
        return model;
    }

    /** The features the call uses besides its capability: {@code STREAMING}, {@code TOOLS}, {@code JSON_SCHEMA}. */
    public Set<Capability> features() {
        return features;
    }

    public boolean streaming() {
        return features.contains(Capability.STREAMING);
    }

    /** The prompt's size in tokens, estimated from its text; 0 when unknown. */
    public int estimatedPromptTokens() {
        return estimatedPromptTokens;
    }

    /** The most output tokens the call asks for; 0 when it does not say. */
    public int maxOutputTokens() {
        return maxOutputTokens;
    }

    /** Prompt and output together: what must fit a deployment's context window. */
    public int estimatedTotalTokens() {
        return (int) Math.min(Integer.MAX_VALUE, (long) estimatedPromptTokens + maxOutputTokens);
    }

    /**
     * The timeout the caller set on this call, if any: it bounds the whole call, waits for a cooling
     * pool included, and a call timing out under it is not held against the deployment.
     */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    @Override
    public String toString() {
        return "RouteRequest{" + capability + " " + model + (features.isEmpty() ? "" : " " + features)
                + ", ~" + estimatedPromptTokens + "+" + maxOutputTokens + " tokens"
                + (timeout == null ? "" : ", timeout=" + timeout) + "}";
    }

    public static final class Builder {
        private final Capability capability;
        private final String model;
        private final Set<Capability> features = EnumSet.noneOf(Capability.class);
        private int estimatedPromptTokens;
        private int maxOutputTokens;
        private Duration timeout;

        private Builder(Capability capability, String model) {
            this.capability = Objects.requireNonNull(capability, "capability");
            this.model = Objects.requireNonNull(model, "model");
        }

        /** A feature the call needs: {@code STREAMING}, {@code TOOLS} or {@code JSON_SCHEMA}. */
        public Builder require(Capability feature) {
            features.add(Objects.requireNonNull(feature, "feature"));
            return this;
        }

        public Builder estimatedPromptTokens(int tokens) {
            if (tokens < 0) throw new IllegalArgumentException("estimatedPromptTokens must be >= 0, was " + tokens);
            this.estimatedPromptTokens = tokens;
            return this;
        }

        public Builder maxOutputTokens(int tokens) {
            if (tokens < 0) throw new IllegalArgumentException("maxOutputTokens must be >= 0, was " + tokens);
            this.maxOutputTokens = tokens;
            return this;
        }

        public Builder timeout(Duration timeout) {
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                throw new IllegalArgumentException("timeout must be > 0, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        public RouteRequest build() {
            return new RouteRequest(this);
        }
    }
}
