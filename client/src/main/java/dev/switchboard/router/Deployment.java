package dev.switchboard.router;

import dev.switchboard.backend.Backend;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One real model on one backend: what a pool routes calls to. Either a ready {@link Backend}, or a
 * description the router turns into one through a {@code BackendFactory}: a remote kind ({@code openai},
 * {@code vllm}, {@code ollama}, {@code llamacpp}, {@code tgi}, {@code sglang}, {@code localai},
 * {@code lmstudio}) with its base URL and key, or a local engine ({@code llama}, …) with its options.
 *
 * <p>A deployment without a model passes the caller's model through unchanged (the implicit pool of
 * the default endpoint does that). The API key is never printed.
 */
public final class Deployment {
    private final String name;
    private final String kind;
    private final Backend backend;
    private final String baseUrl;
    private final String apiKey;
    private final String model;
    private final double weight;
    private final int maxConcurrency;
    private final int rpm;
    private final int tpm;
    private final int contextWindow;
    private final Duration timeout;
    private final Set<String> tags;
    private final Map<String, Object> options;

    private Deployment(Builder b) {
        this.name = b.name;
        this.kind = b.kind;
        this.backend = b.backend;
        this.baseUrl = b.baseUrl;
        this.apiKey = b.apiKey;
        this.model = b.model;
        this.weight = b.weight;
        this.maxConcurrency = b.maxConcurrency;
        this.rpm = b.rpm;
        this.tpm = b.tpm;
        this.contextWindow = b.contextWindow;
        this.timeout = b.timeout;
        this.tags = Set.copyOf(b.tags);
        this.options = Collections.unmodifiableMap(new LinkedHashMap<>(b.options));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.kind = kind;
        b.backend = backend;
        b.baseUrl = baseUrl;
        b.apiKey = apiKey;
        b.model = model;
        b.weight = weight;
        b.maxConcurrency = maxConcurrency;
        b.rpm = rpm;
        b.tpm = tpm;
        b.contextWindow = contextWindow;
        b.timeout = timeout;
        b.tags.addAll(tags);
        b.options.putAll(options);
        return b;
    }

    /** Unique within the router; names the deployment in stats, logs and errors. */
    public String name() {
        return name;
    }

    /** The backend kind ({@code vllm}, {@code llama}, …); {@code custom} for a deployment given a ready backend. */
    public String kind() {
        return kind;
    }

    /** The backend given ready-made, if any; otherwise a factory makes one from this description. */
    public Optional<Backend> backend() {
        return Optional.ofNullable(backend);
    }

    public Optional<String> baseUrl() {
        return Optional.ofNullable(baseUrl);
    }

    /** The key to send; never logged or printed. */
    public Optional<String> apiKey() {
        return Optional.ofNullable(apiKey);
    }

    /** The real model this deployment serves; empty when it serves whatever the caller names. */
    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    /** The model to send for a call that named {@code requested}. */
    public String modelFor(String requested) {
        return model != null ? model : requested;
    }

    /** The share of calls the weighted strategy gives this deployment; 1 unless set. */
    public double weight() {
        return weight;
    }

    /** Calls in flight at most; 0 for no limit. */
    public int maxConcurrency() {
        return maxConcurrency;
    }

    /** Requests per minute at most; 0 for no limit. */
    public int rpm() {
        return rpm;
    }

    /** Tokens per minute at most; 0 for no limit. */
    public int tpm() {
        return tpm;
    }

    /** The model's context window in tokens, when known: requests that cannot fit skip this deployment. */
    public OptionalInt contextWindow() {
        return contextWindow > 0 ? OptionalInt.of(contextWindow) : OptionalInt.empty();
    }

    /** This deployment's request timeout, overriding the router's. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    public Set<String> tags() {
        return tags;
    }

    /** Settings of a local engine or a custom factory (context size, threads, …), as configured. */
    public Map<String, Object> options() {
        return options;
    }

    @Override
    public String toString() {
        return name + "(" + (backend != null ? backend.toString() : kind + (baseUrl == null ? "" : " " + baseUrl))
                + (model == null ? "" : ", " + model) + ")";
    }

    public static final class Builder {
        private String name;
        private String kind;
        private Backend backend;
        private String baseUrl;
        private String apiKey;
        private String model;
        private double weight = 1;
        private int maxConcurrency;
        private int rpm;
        private int tpm;
        private int contextWindow;
        private Duration timeout;
        private final java.util.LinkedHashSet<String> tags = new java.util.LinkedHashSet<>();
        private final Map<String, Object> options = new LinkedHashMap<>();

        private Builder() {}

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder kind(String kind) {
            this.kind = kind;
            return this;
        }

        /** A ready backend; the deployment's kind becomes {@code custom} unless set. */
        public Builder backend(Backend backend) {
            this.backend = backend;
            return this;
        }

        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        public Builder model(String model) {
            this.model = model;
            return this;
        }

        public Builder weight(double weight) {
            this.weight = weight;
            return this;
        }

        public Builder maxConcurrency(int maxConcurrency) {
            this.maxConcurrency = maxConcurrency;
            return this;
        }

        public Builder rpm(int rpm) {
            this.rpm = rpm;
            return this;
        }

        public Builder tpm(int tpm) {
            this.tpm = tpm;
            return this;
        }

        public Builder contextWindow(int contextWindow) {
            this.contextWindow = contextWindow;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder addTag(String tag) {
            tags.add(Objects.requireNonNull(tag, "tag"));
            return this;
        }

        public Builder tags(Set<String> tags) {
            this.tags.clear();
            this.tags.addAll(tags);
            return this;
        }

        public Builder putOption(String key, Object value) {
            options.put(Objects.requireNonNull(key, "key"), value);
            return this;
        }

        public Builder options(Map<String, ?> options) {
            this.options.clear();
            this.options.putAll(options);
            return this;
        }

        /** Throws IllegalArgumentException naming the deployment, the field and the bad value. */
        public Deployment build() {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("deployment.name must be set");
            String at = "deployments." + name;
            if (backend == null && (kind == null || kind.isBlank())) {
                throw new IllegalArgumentException(at + " needs a backend kind (backend: vllm, engine: llama, …) or a ready backend");
            }
            if (kind == null) kind = "custom";
            if (!(weight > 0) || Double.isInfinite(weight)) throw new IllegalArgumentException(at + ".weight must be > 0, was " + weight);
            nonNegative(at, "max_concurrency", maxConcurrency);
            nonNegative(at, "rpm", rpm);
            nonNegative(at, "tpm", tpm);
            nonNegative(at, "context_window", contextWindow);
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                throw new IllegalArgumentException(at + ".timeout must be > 0, was " + timeout);
            }
            return new Deployment(this);
        }

        private static void nonNegative(String at, String field, int value) {
            if (value < 0) throw new IllegalArgumentException(at + "." + field + " must be >= 0, was " + value);
        }
    }
}
