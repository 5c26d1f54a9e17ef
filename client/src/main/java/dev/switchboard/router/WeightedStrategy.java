package dev.switchboard.router;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code weighted}: the first deployment drawn at random in proportion to {@link Deployment#weight()},
 * the fallbacks drawn the same way from those left.
 */
final class WeightedStrategy implements RoutingStrategy {
    @Override
    public List<Deployment> order(List<Deployment> candidates, RoutingContext context) {
        List<Deployment> left = new ArrayList<>(candidates);
        List<Deployment> out = new ArrayList<>(candidates.size());
        while (!left.isEmpty()) {
            double total = 0;
            for (Deployment d : left) total += d.weight();
            double point = context.random() * total;
            int chosen = left.size() - 1; // rounding can leave point at total: the last one takes it
            for (int i = 0; i < left.size(); i++) {
                point -= left.get(i).weight();
                if (point < 0) {
                    chosen = i;
                    break;
                }
            }
            out.add(left.remove(chosen));
        }
        return out;
    }

    @Override
    public String toString() {
        return "weighted";
    }
}
