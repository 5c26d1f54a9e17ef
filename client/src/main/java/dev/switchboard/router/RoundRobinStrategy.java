package dev.switchboard.router;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** {@code round_robin}: each call starts one deployment further along; the rest follow as fallbacks. */
final class RoundRobinStrategy implements RoutingStrategy {
    private final AtomicLong next = new AtomicLong();

    @Override
    public List<Deployment> order(List<Deployment> candidates, RoutingContext context) {
        int n = candidates.size();
        if (n <= 1) return candidates;
        int start = (int) Math.floorMod(next.getAndIncrement(), (long) n);
        List<Deployment> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(candidates.get((start + i) % n));
        return out;
    }

    @Override
    public String toString() {
        return "round_robin";
    }
}
