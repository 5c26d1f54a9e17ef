package dev.switchboard.gateway;

import dev.switchboard.backend.Backend;
import dev.switchboard.backend.Health;
import dev.switchboard.core.JsonValue;
import dev.switchboard.router.BreakerState;
import dev.switchboard.router.Capability;
import dev.switchboard.router.Deployment;
import dev.switchboard.router.DeploymentStats;
import dev.switchboard.router.Pool;
import dev.switchboard.router.Router;
import io.reactivex.rxjava3.core.Single;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/** The router's state as JSON for /health, /services and /stats. Never a key. */
final class GatewayReports {
    private final Router router;
    private final Duration probeTimeout;

    GatewayReports(Router router, Duration probeTimeout) {
        this.router = router;
        this.probeTimeout = probeTimeout;
    }

    static final class Report {
        final int status;
        final JsonValue body;

        Report(int status, JsonValue body) {
            this.status = status;
            this.body = body;
        }
    }

    /**
     * Each pool deployment probed now (at once, within the probe timeout) and its breaker state:
     * {@code ok} when all can take calls, {@code degraded} when some cannot, and {@code unavailable}
     * (503) when a pool has none left.
     */
    Report health() {
        Map<Deployment, Single<Health>> probes = new LinkedHashMap<>();
        for (Deployment d : router.deployments()) {
            if (poolOf(d).isEmpty()) continue;
            Single<Health> probe = Single.defer(() -> router.backend(d).health(probeTimeout))
                    .timeout(probeTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS)
                    .onErrorReturn(e -> Health.unreachable("the probe failed: " + e.getMessage(), e))
                    .cache();
            probe.subscribe(h -> { }, e -> { });
            probes.put(d, probe);
        }
        List<Object> deployments = new ArrayList<>();
        Map<String, Integer> usable = new LinkedHashMap<>();
        router.pools().keySet().forEach(p -> usable.put(p, 0));
        boolean allUp = true;
        for (Map.Entry<Deployment, Single<Health>> e : probes.entrySet()) {
            Deployment d = e.getKey();
            Health h = e.getValue().blockingGet();
            BreakerState breaker = router.breakerState(d);
            boolean up = h.isHealthy() && breaker != BreakerState.OPEN;
            allUp &= up;
            String pool = poolOf(d).orElseThrow();
            if (up) usable.merge(pool, 1, Integer::sum);
            Map<String, Object> item = describe(d, pool);
            item.put("status", h.status().name().toLowerCase(Locale.ROOT));
            item.put("detail", h.detail());
            item.put("breaker", breaker.name());
            deployments.add(item);
        }
        boolean anyPoolEmpty = usable.values().stream().anyMatch(n -> n == 0);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", anyPoolEmpty ? "unavailable" : allUp ? "ok" : "degraded");
        Map<String, Object> pools = new LinkedHashMap<>();
        usable.forEach((pool, n) -> pools.put(pool, Map.of("usable_deployments", n)));
        body.put("pools", pools);
        body.put("deployments", deployments);
        return new Report(anyPoolEmpty ? 503 : 200, JsonValue.from(body));
    }

    /** Every pool deployment with its kind, model, capabilities and state, without probing. */
    JsonValue services() {
        List<Object> services = new ArrayList<>();
        Map<String, DeploymentStats> stats = statsByName();
        for (Deployment d : router.deployments()) {
            Optional<String> pool = poolOf(d);
            if (pool.isEmpty()) continue;
            Map<String, Object> item = describe(d, pool.get());
            Backend backend = router.backend(d);
            List<String> capabilities = new ArrayList<>();
            for (Capability c : new TreeSet<>(backend.capabilities())) capabilities.add(c.name().toLowerCase(Locale.ROOT));
            item.put("capabilities", capabilities);
            item.put("state", router.breakerState(d).name());
            router.healthMonitor().flatMap(m -> m.latest(d))
                    .ifPresent(h -> item.put("last_probe", h.status().name().toLowerCase(Locale.ROOT)));
            DeploymentStats s = stats.get(d.name());
            item.put("in_flight", s == null ? 0 : s.inFlight());
            services.add(item);
        }
        return JsonValue.from(Map.of("object", "list", "data", services));
    }

    /** The router's counters per deployment. */
    JsonValue stats() {
        List<Object> out = new ArrayList<>();
        for (DeploymentStats s : router.stats().deployments()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("deployment", s.deployment());
            item.put("requests", s.requests());
            item.put("successes", s.successes());
            item.put("errors", s.errors());
            item.put("errors_by_class", s.errorsByClass());
            item.put("cancelled", s.cancelled());
            item.put("in_flight", s.inFlight());
            item.put("latency_p50_ms", millis(s.latencyP50()));
            item.put("latency_p99_ms", millis(s.latencyP99()));
            item.put("time_to_first_token_p50_ms", millis(s.timeToFirstTokenP50()));
            item.put("time_to_first_token_p99_ms", millis(s.timeToFirstTokenP99()));
            item.put("tokens_in", s.tokensIn());
            item.put("tokens_out", s.tokensOut());
            item.put("breaker", s.breakerState().name());
            out.add(item);
        }
        return JsonValue.from(Map.of("object", "list", "data", out));
    }

    private static Long millis(Optional<Duration> d) {
        return d.map(Duration::toMillis).orElse(null);
    }

    private Map<String, DeploymentStats> statsByName() {
        Map<String, DeploymentStats> m = new LinkedHashMap<>();
        router.stats().deployments().forEach(s -> m.put(s.deployment(), s));
        return m;
    }

    private Optional<String> poolOf(Deployment d) {
        for (Pool pool : router.pools().values()) {
            if (pool.deployments().contains(d)) return Optional.of(pool.name());
        }
        return Optional.empty();
    }

    private static Map<String, Object> describe(Deployment d, String pool) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", d.name());
        item.put("pool", pool);
        item.put("kind", d.kind());
        item.put("model", d.model().orElse(null));
        return item;
    }
}
