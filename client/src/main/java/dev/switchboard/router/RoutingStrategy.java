package dev.switchboard.router;

import java.util.List;

/**
 * Orders a pool's deployments for one call. The router tries them in the order given, skipping those
 * cooling down or over their limits; a strategy may leave deployments out. A strategy instance
 * belongs to one pool and may keep state (a round-robin cursor); it is called from many threads.
 */
@FunctionalInterface
public interface RoutingStrategy {

    /** {@code candidates}: the pool's deployments that can take this call now, in configured order. */
    List<Deployment> order(List<Deployment> candidates, RoutingContext context);
}
