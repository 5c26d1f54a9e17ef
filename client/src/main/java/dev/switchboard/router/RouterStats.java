package dev.switchboard.router;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-deployment statistics, kept as a {@link RouterListener}: every router registers one first, and
 * {@link Router#stats()} gives its {@link #snapshot()}. Each deployment's numbers are updated and read
 * under that deployment's lock, so a snapshot never shows half an event.
 */
public final class RouterStats implements RouterListener {
    private final Map<String, Counters> byDeployment = new ConcurrentHashMap<>();
    /** The order deployments were first seen in, for a stable snapshot. */
    private final List<String> order = Collections.synchronizedList(new ArrayList<>());

    /** Starts counting {@code deployment} from its initial breaker state, so it shows before its first call. */
    void register(Deployment deployment, BreakerState state) {
        counters(deployment.name()).breakerState(state);
    }

    private Counters counters(String name) {
        // Every event of every call comes here: the plain lookup spares computeIfAbsent's capturing lambda.
        Counters known = byDeployment.get(name);
        if (known != null) return known;
        return byDeployment.computeIfAbsent(name, n -> {
            order.add(n);
            return new Counters(n);
        });
    }

    @Override
    public void attemptStart(RouterCall call, Deployment deployment, int attempt) {
        counters(deployment.name()).started();
    }

    @Override
    public void firstChunk(RouterCall call, Deployment deployment, Duration timeToFirstToken) {
        counters(deployment.name()).firstChunk(timeToFirstToken);
    }

    @Override
    public void tokens(RouterCall call, Deployment deployment, long input, long output) {
        counters(deployment.name()).tokens(input, output);
    }

    @Override
    public void attemptEnd(RouterCall call, Deployment deployment, Duration latency) {
        counters(deployment.name()).succeeded(latency);
    }

    @Override
    public void attemptFailed(RouterCall call, Deployment deployment, Throwable failure, boolean willRetry) {
        counters(deployment.name()).failed(failure.getClass().getSimpleName());
    }

    @Override
    public void attemptCancelled(RouterCall call, Deployment deployment) {
        counters(deployment.name()).cancelled();
    }

    @Override
    public void breakerStateChanged(Deployment deployment, BreakerState from, BreakerState to) {
        counters(deployment.name()).breakerState(to);
    }

    /** Every deployment's statistics now, in the order the router lists its deployments. */
    public Snapshot snapshot() {
        List<String> names;
        synchronized (order) {
            names = new ArrayList<>(order);
        }
        List<DeploymentStats> out = new ArrayList<>(names.size());
        for (String name : names) out.add(byDeployment.get(name).snapshot());
        return new Snapshot(out);
    }

    @Override
    public String toString() {
        return "RouterStats" + order;
    }

    /** The statistics of every deployment at one moment. */
    public static final class Snapshot {
        private final Map<String, DeploymentStats> deployments;

        Snapshot(List<DeploymentStats> deployments) {
            Map<String, DeploymentStats> m = new LinkedHashMap<>();
            deployments.forEach(d -> m.put(d.deployment(), d));
            this.deployments = Collections.unmodifiableMap(m);
        }

        public List<DeploymentStats> deployments() {
            return List.copyOf(deployments.values());
        }

        public Optional<DeploymentStats> deployment(String name) {
            return Optional.ofNullable(deployments.get(name));
        }

        /** One line a deployment. */
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            deployments.values().forEach(d -> out.append(d).append('\n'));
            return out.toString();
        }
    }

    private static final class Counters {
        private final String name;
        private long requests;
        private long successes;
        private final Map<String, Long> errors = new LinkedHashMap<>();
        private long cancelled;
        private long inFlight;
        private final LatencyReservoir latency = new LatencyReservoir();
        private final LatencyReservoir timeToFirstToken = new LatencyReservoir();
        private long tokensIn;
        private long tokensOut;
        private BreakerState breakerState = BreakerState.CLOSED;

        Counters(String name) {
            this.name = name;
        }

        synchronized void started() {
            requests++;
            inFlight++;
        }

        synchronized void succeeded(Duration elapsed) {
            successes++;
            inFlight--;
            latency.add(elapsed);
        }

        synchronized void failed(String category) {
            errors.merge(category, 1L, Long::sum);
            inFlight--;
        }

        synchronized void cancelled() {
            cancelled++;
            inFlight--;
        }

        synchronized void firstChunk(Duration elapsed) {
            timeToFirstToken.add(elapsed);
        }

        synchronized void tokens(long in, long out) {
            tokensIn += in;
            tokensOut += out;
        }

        synchronized void breakerState(BreakerState state) {
            breakerState = state;
        }

        synchronized DeploymentStats snapshot() {
            return new DeploymentStats(name, requests, successes, errors, cancelled, inFlight,
                    latency.percentile(50).orElse(null), latency.percentile(99).orElse(null),
                    timeToFirstToken.percentile(50).orElse(null), timeToFirstToken.percentile(99).orElse(null),
                    tokensIn, tokensOut, breakerState);
        }
    }
}
