package dev.switchboard.router;

import java.util.Comparator;
import java.util.List;

/** {@code least_busy}: fewest calls in flight first; ties in random order, so idle deployments share the load. */
final class LeastBusyStrategy implements RoutingStrategy {
    @Override
    public List<Deployment> order(List<Deployment> candidates, RoutingContext context) {
        List<Deployment> out = RandomStrategy.shuffled(candidates, context);
        out.sort(Comparator.comparingInt(context::inFlight)); // stable: ties keep the shuffled order
        return out;
    }

    @Override
    public String toString() {
        return "least_busy";
    }
}
