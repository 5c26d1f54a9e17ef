package dev.switchboard.router;

import dev.switchboard.backend.Backend;
import java.util.Objects;
import java.util.Optional;

/**
 * One real model on one backend: what a pool routes calls to. A deployment without a model passes
 * the caller's model through unchanged (the implicit pool of the default endpoint does that).
 */
public final class Deployment {
    private final String name;
    private final Backend backend;
    private final String model;

    private Deployment(Builder builder) {
        this.name = builder.name;
        this.backend = builder.backend;
        this.model = builder.model;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String name() {
        return name;
    }

    public Backend backend() {
        return backend;
    }

    /** The real model this deployment serves; empty when it serves whatever the caller names. */
    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    /** The model to send for a call that named {@code requested}. */
    public String modelFor(String requested) {
        return model != null ? model : requested;
    }

    @Override
    public String toString() {
        return name + "(" + backend + (model == null ? "" : ", " + model) + ")";
    }

    public static final class Builder {
        private String name;
        private Backend backend;
        private String model;

        private Builder() {}

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder backend(Backend backend) {
            this.backend = backend;
            return this;
        }

        public Builder model(String model) {
            this.model = model;
            return this;
        }

        public Deployment build() {
            if (name == null || name.isBlank()) throw new IllegalStateException("deployment.name must be set");
            Objects.requireNonNull(backend, () -> "deployment '" + name + "'.backend must be set");
            return new Deployment(this);
        }
    }
}
