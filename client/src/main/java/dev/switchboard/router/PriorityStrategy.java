package dev.switchboard.router;

import java.util.List;

/** {@code priority} (also {@code always_first}): the configured order; later deployments are fallbacks. */
final class PriorityStrategy implements RoutingStrategy {
    @Override
    public List<Deployment> order(List<Deployment> candidates, RoutingContext context) {
        return candidates;
    }

    @Override
    public String toString() {
        return "priority";
    }
}
