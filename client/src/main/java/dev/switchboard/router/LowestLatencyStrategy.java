package dev.switchboard.router;

import java.util.ArrayList;
import java.util.Comparator;
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
        List<Deployment> unmeasured = new ArrayList<>();
        List<Deployment> measured = new ArrayList<>();
        for (Deployment d : candidates) {
            (context.latencyMillis(d, context.streaming()).isPresent() ? measured : unmeasured).add(d);
        }
        measured.sort(Comparator.comparingDouble(d -> latency(context, d)));
        unmeasured.addAll(measured);
        return unmeasured;
    }

    private static double latency(RoutingContext context, Deployment d) {
        OptionalDouble l = context.latencyMillis(d, context.streaming());
        return l.isPresent() ? l.getAsDouble() : 0;
    }

    @Override
    public String toString() {
        return "lowest_latency";
    }
}
