package dev.switchboard.router;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code random}: a uniformly random order, from the router's random source. */
final class RandomStrategy implements RoutingStrategy {
    @Override
    public List<Deployment> order(List<Deployment> candidates, RoutingContext context) {
        return shuffled(candidates, context);
    }

    /** Fisher–Yates with the context's numbers, so tests that pin the source get a known order. */
    static List<Deployment> shuffled(List<Deployment> candidates, RoutingContext context) {
        List<Deployment> out = new ArrayList<>(candidates);
        for (int i = out.size() - 1; i > 0; i--) {
            int j = Math.min(i, (int) (context.random() * (i + 1)));
            Collections.swap(out, i, j);
        }
        return out;
    }

    @Override
    public String toString() {
        return "random";
    }
}
