package dev.switchboard.router;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** The strategies pools may name without registering them. */
enum BuiltInStrategy {
    PRIORITY("priority", PriorityStrategy::new),
    ALWAYS_FIRST("always_first", PriorityStrategy::new),
    ROUND_ROBIN("round_robin", RoundRobinStrategy::new),
    RANDOM("random", RandomStrategy::new),
    WEIGHTED("weighted", WeightedStrategy::new),
    LEAST_BUSY("least_busy", LeastBusyStrategy::new),
    LOWEST_LATENCY("lowest_latency", LowestLatencyStrategy::new);

    final String strategyName;
    private final Supplier<RoutingStrategy> make;

    BuiltInStrategy(String strategyName, Supplier<RoutingStrategy> make) {
        this.strategyName = strategyName;
        this.make = make;
    }

    /** A new instance (strategies keep per-pool state); a strategy is named in snake_case, any case, '-' for '_'. */
    static Optional<RoutingStrategy> named(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (BuiltInStrategy s : values()) {
            if (s.strategyName.equals(wanted)) return Optional.of(s.make.get());
        }
        return Optional.empty();
    }
}
