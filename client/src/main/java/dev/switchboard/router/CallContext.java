package dev.switchboard.router;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.DoubleSupplier;

/** The {@link RoutingContext} of one call: its request and pool, and the router's live view of each deployment. */
final class CallContext implements RoutingContext {
    private final RouteRequest request;
    private final Pool pool;
    private final Map<Deployment, LiveDeployment> live;
    private final DoubleSupplier random;

    CallContext(RouteRequest request, Pool pool, Map<Deployment, LiveDeployment> live, DoubleSupplier random) {
        this.request = request;
        this.pool = pool;
        this.live = live;
        this.random = random;
    }

    @Override
    public Capability capability() {
        return request.capability();
    }

    @Override
    public Pool pool() {
        return pool;
    }

    @Override
    public boolean streaming() {
        return request.streaming();
    }

    @Override
    public int estimatedPromptTokens() {
        return request.estimatedPromptTokens();
    }

    @Override
    public int inFlight(Deployment deployment) {
        LiveDeployment d = live.get(deployment);
        return d == null ? 0 : d.inFlight();
    }

    @Override
    public OptionalDouble latencyMillis(Deployment deployment, boolean streaming) {
        LiveDeployment d = live.get(deployment);
        return d == null ? OptionalDouble.empty() : d.latencyMillis(streaming);
    }

    @Override
    public double random() {
        double r = random.getAsDouble();
        // A source that strays out of [0, 1) must not break a strategy's arithmetic.
        return r >= 0 && r < 1 ? r : 0;
    }
}
