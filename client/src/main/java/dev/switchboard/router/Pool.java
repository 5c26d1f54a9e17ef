package dev.switchboard.router;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The deployments that answer one model name (a virtual name such as {@code text-generation}), and
 * the strategy that orders them for each call: a built-in one by name ({@code priority},
 * {@code round_robin}, {@code random}, {@code weighted}, {@code least_busy}, {@code lowest_latency}),
 * one registered on the router builder by name, or an instance.
 */
public final class Pool {
    public static final String DEFAULT_STRATEGY = "priority";

    private final String name;
    private final String strategyName;
    private final RoutingStrategy strategy;
    private final List<Deployment> deployments;

    private Pool(Builder b) {
        this.name = b.name;
        this.strategyName = b.strategyName;
        this.strategy = b.strategy;
        this.deployments = List.copyOf(b.deployments);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A pool of these deployments, tried in order ({@code priority}). */
    public static Pool of(String name, List<Deployment> deployments) {
        return builder().name(name).deployments(deployments).build();
    }

    public String name() {
        return name;
    }

    /** The name of the pool's strategy; for an instance given directly, its class's simple name. */
    public String strategyName() {
        return strategyName;
    }

    /** The strategy instance given directly, if any; otherwise the router resolves {@link #strategyName()}. */
    public Optional<RoutingStrategy> strategy() {
        return Optional.ofNullable(strategy);
    }

    public List<Deployment> deployments() {
        return deployments;
    }

    @Override
    public String toString() {
        return "Pool(" + name + ", " + strategyName + ", " + deployments + ")";
    }

    public static final class Builder {
        private String name;
        private String strategyName = DEFAULT_STRATEGY;
        private RoutingStrategy strategy;
        private final List<Deployment> deployments = new ArrayList<>();

        private Builder() {}

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** A strategy by name, built in or registered on the router builder. */
        public Builder strategy(String strategyName) {
            this.strategyName = Objects.requireNonNull(strategyName, "strategyName");
            this.strategy = null;
            return this;
        }

        public Builder strategy(RoutingStrategy strategy) {
            this.strategy = Objects.requireNonNull(strategy, "strategy");
            this.strategyName = strategy.getClass().getSimpleName();
            return this;
        }

        public Builder addDeployment(Deployment deployment) {
            deployments.add(Objects.requireNonNull(deployment, "deployment"));
            return this;
        }

        public Builder deployments(List<Deployment> deployments) {
            this.deployments.clear();
            deployments.forEach(this::addDeployment);
            return this;
        }

        /** Throws IllegalArgumentException naming the pool and what is wrong. */
        public Pool build() {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("pool name must be set");
            if (deployments.isEmpty()) throw new IllegalArgumentException("pools." + name + ".deployments must not be empty");
            Set<String> names = new HashSet<>();
            for (Deployment d : deployments) {
                if (!names.add(d.name())) {
                    throw new IllegalArgumentException("pools." + name + " has two deployments named '" + d.name() + "'");
                }
            }
            return new Pool(this);
        }
    }
}
