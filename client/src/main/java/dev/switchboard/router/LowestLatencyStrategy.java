package dev.switchboard.router;

import java.util.List;
import java.util.OptionalDouble;

/**
 * {@code lowest_latency}: the deployment with the lowest smoothed latency first (time to first token
 * for streams, time per output token for whole answers). Deployments with no measurement yet come
 * before all others, in configured order, so each gets measured.
 */
final class LowestLatencyStrategy implements RoutingStrategy {
    @Override
    public List<Deployment> order(List<Deployment> candidates, RoutingContext context) {
        boolean streaming = context.streaming();
        double[] latency = new double[candidates.size()];
        for (int i = 0; i < latency.length; i++) {
            OptionalDouble l = context.latencyMillis(candidates.get(i), streaming);
            // Unmeasured before every measured one; the sort is stable, so they keep the configured order.
            latency[i] = l.isPresent() ? l.getAsDouble() : Double.NEGATIVE_INFINITY;
        }
        return StableKeySort.sorted(candidates, latency);
    }

    @Override
    public String toString() {
        return "lowest_latency";
    }
}
