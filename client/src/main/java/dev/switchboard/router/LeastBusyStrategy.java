package dev.switchboard.router;

import java.util.List;

/** {@code least_busy}: fewest calls in flight first; ties in random order, so idle deployments share the load. */
final class LeastBusyStrategy implements RoutingStrategy {
    @Override
    public List<Deployment> order(List<Deployment> candidates, RoutingContext context) {
        List<Deployment> shuffled = RandomStrategy.shuffled(candidates, context);
        double[] inFlight = new double[shuffled.size()];
        for (int i = 0; i < inFlight.length; i++) inFlight[i] = context.inFlight(shuffled.get(i));
        return StableKeySort.sorted(shuffled, inFlight); // stable: ties keep the shuffled order
    }

    @Override
    public String toString() {
        return "least_busy";
    }
}
