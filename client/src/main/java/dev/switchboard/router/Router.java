package dev.switchboard.router;

import dev.switchboard.backend.Backend;
import dev.switchboard.backend.BackendContext;
import dev.switchboard.backend.BackendFactory;
import dev.switchboard.backend.openai.OpenAiBackendFactory;
import dev.switchboard.core.Timeout;
import dev.switchboard.errors.NoDeploymentAvailableException;
import dev.switchboard.models.models.Model;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.schedulers.Schedulers;
import io.reactivex.rxjava3.subjects.CompletableSubject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * Routes every call: finds the pool of the call's model (a configured pool name, or else the
 * implicit pool of the default endpoint, which sends the model as it is), picks its deployments by
 * the pool's strategy, and owns the only retry loop of the library.
 *
 * <p>A call has {@code maxRetries + 1} attempts (see {@link RetryPolicy}). A retryable failure (see
 * {@link FailureClassifier}) moves the call to the next deployment at once, or, when every
 * deployment was tried, to the one tried least after the policy's backoff (or the server's
 * Retry-After). A final failure ends the call at once with its own exception. A stream is tried again
 * only until its first chunk has been delivered; after that its failure is the caller's.
 *
 * <p>Deployments of configured pools are skipped while they cannot take the call: lacking the call's
 * capability or feature (none left: {@link dev.switchboard.errors.UnsupportedCapabilityException}),
 * too small a context window, rate limits spent, at their concurrency limit, or cooling down after
 * failures (a {@link CooldownPolicy} breaker per deployment). When none can take it now, the call
 * waits for the first to recover within its timeout. The implicit pool keeps the official SDK's
 * behaviour: no skipping and no cooldown.
 */
public final class Router implements AutoCloseable {
    private final Pool defaultPool;
    private final Map<String, Pool> pools;
    private final Map<Pool, RoutingStrategy> strategies;
    private final RetryPolicy retryPolicy;
    private final Scheduler scheduler;
    private final Clock clock;
    private final DoubleSupplier random;
    private final CooldownPolicy cooldownPolicy;
    private final HealthPolicy healthPolicy;
    private final Duration timeout;
    private final Map<Deployment, LiveDeployment> live;
    private final RouterStats stats;
    private final GuardedListener listener;
    private final OkHttpClient ownedHttpClient;
    private final HealthMonitor healthMonitor;
    private final Disposable healthStart;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong callIds = new AtomicLong();
    private final AtomicReference<CompletableSubject> released = new AtomicReference<>(CompletableSubject.create());

    private Router(Builder b, Map<Deployment, Backend> backends, OkHttpClient ownedHttpClient) {
        this.defaultPool = b.defaultPool;
        this.pools = Collections.unmodifiableMap(new LinkedHashMap<>(b.pools));
        this.strategies = b.resolvedStrategies;
        this.retryPolicy = b.retryPolicy;
        this.scheduler = b.scheduler;
        this.clock = b.clock;
        this.random = b.random;
        this.cooldownPolicy = b.cooldownPolicy;
        this.healthPolicy = b.healthPolicy;
        this.timeout = b.timeout;
        this.ownedHttpClient = ownedHttpClient;
        this.stats = new RouterStats();
        List<RouterListener> listeners = new ArrayList<>();
        listeners.add(stats);
        listeners.addAll(b.listeners);
        this.listener = new GuardedListener(listeners);
        Map<Deployment, LiveDeployment> live = new IdentityHashMap<>();
        for (Pool pool : b.allPools()) {
            boolean implicit = pool == defaultPool;
            for (Deployment d : pool.deployments()) {
                DeploymentBreaker breaker = implicit ? null : new DeploymentBreaker(d, cooldownPolicy, clock, listener);
                LiveDeployment l = new LiveDeployment(d, backends.get(d), breaker);
                live.put(d, l);
                stats.register(d, l.breakerState());
            }
        }
        this.live = Collections.unmodifiableMap(live);
        this.healthMonitor = healthChecks();
        // The first probes come one interval after the router starts: calls find a dead deployment
        // sooner, and a router that lives for a moment (a script, a test) sends no probes at all.
        this.healthStart = healthMonitor == null ? Disposable.disposed()
                : scheduler.scheduleDirect(this::startHealthChecks, healthPolicy.interval().toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Starts the probes unless the router closed meanwhile (locked with close, so no probe outlives it). */
    private synchronized void startHealthChecks() {
        if (!closed.get()) healthMonitor.start();
    }

    /**
     * Probes for the deployments of configured pools, feeding their breakers, when the policy is
     * enabled. Never the default endpoint: the official SDK sends it nothing but your calls.
     */
    private HealthMonitor healthChecks() {
        List<Deployment> probed = new ArrayList<>();
        Set<Deployment> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        pools.values().forEach(p -> p.deployments().forEach(d -> {
            if (seen.add(d)) probed.add(d);
        }));
        if (!healthPolicy.enabled() || probed.isEmpty()) return null;
        HealthMonitor monitor = HealthMonitor.builder()
                .addAll(probed, this::backend)
                .policy(healthPolicy)
                .scheduler(scheduler)
                .listener((deployment, health) -> recordProbe(deployment, health.isHealthy(), health.cause().orElse(null)))
                .build();
        return monitor;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** One attempt of a call on one deployment's backend, given the model to send. */
    @FunctionalInterface
    public interface Attempt<R> {
        R run(Backend backend, String model);
    }

    /** The pool that answers {@code model}: a configured pool, or the implicit one of the default endpoint. */
    public Pool route(String model) {
        Pool pool = pools.get(model);
        if (pool != null) return pool;
        if (defaultPool == null) {
            throw new NoDeploymentAvailableException(model, Map.of(model, new IllegalArgumentException(
                    "No pool is named '" + model + "' and there is no default endpoint; pools: " + pools.keySet())));
        }
        return defaultPool;
    }

    /** The configured pools by name, without the implicit default pool. */
    public Map<String, Pool> pools() {
        return pools;
    }

    /** Every deployment: those of the configured pools, then the default endpoint's, if any. */
    public List<Deployment> deployments() {
        List<Deployment> out = new ArrayList<>();
        pools.values().forEach(p -> out.addAll(p.deployments()));
        if (defaultPool != null) out.addAll(defaultPool.deployments());
        return Collections.unmodifiableList(out);
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public CooldownPolicy cooldownPolicy() {
        return cooldownPolicy;
    }

    public HealthPolicy healthPolicy() {
        return healthPolicy;
    }

    /** How long a call may take, waits for a cooling pool included, unless the call sets its own timeout. */
    public Duration timeout() {
        return timeout;
    }

    /** Runs a call that gives one value, trying deployments of {@code model}'s pool until one answers. */
    public <T> Single<T> single(Capability capability, String model, Attempt<Single<T>> attempt) {
        return single(RouteRequest.builder(capability, model).build(), attempt);
    }

    /** Runs a call that gives one value, routed by what {@code request} needs. */
    public <T> Single<T> single(RouteRequest request, Attempt<Single<T>> attempt) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(attempt, "attempt");
        return Single.defer(() -> {
            if (closed.get()) return Single.error(closedError());
            return loop(request).single(attempt);
        });
    }

    /** Runs a streaming call; it fails over only until the first item has been delivered. */
    public <T> Flowable<T> stream(Capability capability, String model, Attempt<Flowable<T>> attempt) {
        return stream(RouteRequest.builder(capability, model).require(Capability.STREAMING).build(), attempt);
    }

    /** Runs a streaming call routed by what {@code request} needs; it fails over only until the first item has been delivered. */
    public <T> Flowable<T> stream(RouteRequest request, Attempt<Flowable<T>> attempt) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(attempt, "attempt");
        return Flowable.defer(() -> {
            if (closed.get()) return Flowable.error(closedError());
            return loop(request).stream(attempt);
        });
    }

    private FailoverLoop loop(RouteRequest request) {
        Pool pool = route(request.model());
        RouterCall call = new RouterCall(callIds.incrementAndGet(), request, pool, clock.instant());
        return new FailoverLoop(this, call, pool == defaultPool, strategies.get(pool), timeout);
    }

    /**
     * Each deployment's statistics now: requests, errors by class, calls in flight, latency and time
     * to first token percentiles, tokens, breaker state.
     */
    public RouterStats.Snapshot stats() {
        return stats.snapshot();
    }

    /**
     * The health checks of the configured pools' deployments, which start one interval after the
     * router; empty when health checks are disabled or there are no pools.
     */
    public Optional<HealthMonitor> healthMonitor() {
        return Optional.ofNullable(healthMonitor);
    }

    /** Where {@code deployment}'s cooldown breaker stands; {@code DISABLED} for the default endpoint. */
    public BreakerState breakerState(Deployment deployment) {
        return live(deployment).breakerState();
    }

    /**
     * A health probe's verdict on {@code deployment} (the health monitor calls this): a failing probe
     * cools it down as a failure would; a passing one lets a cooled deployment take trial calls at
     * once. The default endpoint has no cooldown, so its probes change nothing.
     */
    public void recordProbe(Deployment deployment, boolean healthy, Throwable cause) {
        live(deployment).breaker().ifPresent(b -> b.onProbe(healthy, cause));
    }

    static IllegalStateException closedError() {
        return new IllegalStateException("The client is closed: no call can start after close()");
    }

    /**
     * The models of any OpenAI-compatible server ({@code GET <baseUrl>/models}), asked once without
     * retrying; fails with the official exception of what went wrong. {@code apiKey} may be null.
     */
    public static List<Model> listEndpointModels(String baseUrl, String apiKey) {
        return Endpoints.listModels(baseUrl, apiKey, Endpoints.DEFAULT_TIMEOUT);
    }

    /** The ids of {@link #listEndpointModels(String, String)}. */
    public static List<String> modelIds(String baseUrl, String apiKey) {
        return Endpoints.modelIds(baseUrl, apiKey, Endpoints.DEFAULT_TIMEOUT);
    }

    /** Whether a server is reachable and takes the key, and what it answered; never throws for a server that is down. */
    public static EndpointCheck checkEndpoint(String baseUrl, String apiKey) {
        return Endpoints.check(baseUrl, apiKey, Endpoints.DEFAULT_TIMEOUT);
    }

    /** {@link #checkEndpoint(String, String)}, waiting at most {@code timeout} for the answer. */
    public static EndpointCheck checkEndpoint(String baseUrl, String apiKey, Duration timeout) {
        return Endpoints.check(baseUrl, apiKey, timeout);
    }

    /** The backend a deployment runs on: given ready-made, or made by a factory when the router was built. */
    public Backend backend(Deployment deployment) {
        return live(deployment).backend;
    }

    LiveDeployment live(Deployment deployment) {
        LiveDeployment l = live.get(deployment);
        if (l == null) throw new IllegalArgumentException("Not a deployment of this router: " + deployment);
        return l;
    }

    Map<Deployment, LiveDeployment> liveDeployments() {
        return live;
    }

    boolean isClosed() {
        return closed.get();
    }

    Scheduler scheduler() {
        return scheduler;
    }

    Clock clock() {
        return clock;
    }

    DoubleSupplier random() {
        return random;
    }

    RouterListener listener() {
        return listener;
    }

    /** Time for latencies, from the scheduler, so tests on a TestScheduler measure virtual time. */
    long nanoTime() {
        return scheduler.now(TimeUnit.NANOSECONDS);
    }

    /** Completes when the next attempt anywhere ends and frees its slot: what a call waiting for capacity waits for. */
    Completable released() {
        return released.get();
    }

    void signalReleased() {
        released.getAndSet(CompletableSubject.create()).onComplete();
    }

    /**
     * Closes every deployment's backend, which cancels its calls still running; later calls fail, and
     * calls waiting for a deployment give up. An HTTP client the router made for itself is shut down.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        healthStart.dispose();
        synchronized (this) {
            if (healthMonitor != null) healthMonitor.stop();
        }
        RuntimeException first = null;
        Set<Backend> backends = Collections.newSetFromMap(new IdentityHashMap<>());
        live.values().forEach(l -> backends.add(l.backend));
        for (Backend backend : backends) {
            try {
                backend.close();
            } catch (RuntimeException e) {
                if (first == null) first = e;
                else first.addSuppressed(e);
            }
        }
        signalReleased();
        if (ownedHttpClient != null) {
            ownedHttpClient.dispatcher().executorService().shutdown();
            ownedHttpClient.connectionPool().evictAll();
        }
        if (first != null) throw first;
    }

    @Override
    public String toString() {
        return "Router{pools=" + pools.keySet() + ", default=" + defaultPool + ", " + retryPolicy + "}";
    }

    public static final class Builder {
        private Pool defaultPool;
        private final Map<String, Pool> pools = new LinkedHashMap<>();
        private RetryPolicy retryPolicy = RetryPolicy.ofDefaults();
        private Scheduler scheduler = Schedulers.io();
        private Clock clock = Clock.systemUTC();
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        private CooldownPolicy cooldownPolicy = CooldownPolicy.ofDefaults();
        private HealthPolicy healthPolicy = HealthPolicy.ofDefaults();
        private final Map<String, Supplier<RoutingStrategy>> strategies = new LinkedHashMap<>();
        private final List<BackendFactory> backendFactories = new ArrayList<>();
        private OkHttpClient httpClient;
        private Duration timeout = Timeout.defaultTimeout().request();
        private final List<RouterListener> listeners = new ArrayList<>();
        private Map<Pool, RoutingStrategy> resolvedStrategies;

        private Builder() {}

        /** Hears every call, attempt and cooldown; called after the router's own statistics. */
        public Builder listener(RouterListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * How long a call may take in all, waits for a cooling pool included, when the call does not
         * set its own timeout; 10 minutes (the official SDK's request timeout) unless set.
         */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("router.timeout must be > 0, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** The endpoint of every model name no pool has; it sends the caller's model as it is. */
        public Builder defaultDeployment(Deployment deployment) {
            this.defaultPool = Pool.of("default", List.of(deployment));
            return this;
        }

        public Builder cooldownPolicy(CooldownPolicy cooldownPolicy) {
            this.cooldownPolicy = Objects.requireNonNull(cooldownPolicy, "cooldownPolicy");
            return this;
        }

        public Builder healthPolicy(HealthPolicy healthPolicy) {
            this.healthPolicy = Objects.requireNonNull(healthPolicy, "healthPolicy");
            return this;
        }

        /**
         * A strategy pools may name ({@code strategy: name} in the config file). The supplier is asked
         * once per pool that uses it, so a strategy may keep per-pool state.
         */
        public Builder strategy(String name, Supplier<RoutingStrategy> strategy) {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("strategy name must be set");
            strategies.put(name, Objects.requireNonNull(strategy, "strategy"));
            return this;
        }

        /** A factory asked before the ServiceLoader's and the built-in ones. */
        public Builder addBackendFactory(BackendFactory factory) {
            backendFactories.add(Objects.requireNonNull(factory, "factory"));
            return this;
        }

        /** The HTTP client backends made by factories build on; one is made when not given. */
        public Builder httpClient(OkHttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        public Builder addPool(Pool pool) {
            if (pools.putIfAbsent(pool.name(), pool) != null) {
                throw new IllegalArgumentException("pools." + pool.name() + " is defined twice");
            }
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** Where backoff waits are timed; tests pass a TestScheduler and advance it. */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The source of jitter, numbers in [0, 1); tests pin it. */
        public Builder random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Throws IllegalArgumentException for a pool naming an unknown strategy, or a deployment name
         * used twice, and whatever a backend factory throws for a deployment it cannot make.
         */
        public Router build() {
            if (defaultPool == null && pools.isEmpty()) {
                throw new IllegalStateException("A router needs a default deployment or at least one pool");
            }
            checkUniqueNames();
            resolvedStrategies = strategies();
            OkHttpClient owned = httpClient == null ? new OkHttpClient.Builder().retryOnConnectionFailure(false).build() : null;
            Map<Deployment, Backend> backends = backends(httpClient != null ? httpClient : owned);
            return new Router(this, backends, owned);
        }

        private List<Pool> allPools() {
            List<Pool> all = new ArrayList<>(pools.values());
            if (defaultPool != null) all.add(defaultPool);
            return all;
        }

        /** Deployment names key statistics and errors: one name, one deployment. */
        private void checkUniqueNames() {
            Map<String, Deployment> seen = new LinkedHashMap<>();
            Map<String, String> poolOf = new LinkedHashMap<>();
            for (Pool pool : allPools()) {
                for (Deployment d : pool.deployments()) {
                    Deployment other = seen.putIfAbsent(d.name(), d);
                    if (other != null && other != d) {
                        throw new IllegalArgumentException("deployments." + d.name() + " is defined twice (in pools "
                                + poolOf.get(d.name()) + " and " + pool.name() + "); deployment names must be unique");
                    }
                    poolOf.putIfAbsent(d.name(), pool.name());
                }
            }
        }

        /** Each pool's strategy: its own instance, a registered one by name, or a built-in one by name. */
        private Map<Pool, RoutingStrategy> strategies() {
            Map<Pool, RoutingStrategy> out = new IdentityHashMap<>();
            for (Pool pool : allPools()) {
                if (pool.strategy().isPresent()) {
                    out.put(pool, pool.strategy().get());
                    continue;
                }
                String name = pool.strategyName();
                Supplier<RoutingStrategy> registered = strategies.get(name);
                RoutingStrategy strategy = registered != null ? registered.get() : BuiltInStrategy.named(name).orElse(null);
                if (strategy == null) {
                    Set<String> known = new TreeSet<>(strategies.keySet());
                    for (BuiltInStrategy s : BuiltInStrategy.values()) known.add(s.strategyName);
                    throw new IllegalArgumentException("pools." + pool.name() + ".strategy: unknown strategy '" + name
                            + "'; known strategies: " + known + " (register others with Router.Builder.strategy(name, supplier))");
                }
                out.put(pool, Objects.requireNonNull(strategy, "the supplier of strategy '" + name + "' gave null"));
            }
            return out;
        }

        /** Each deployment's backend: its own, or one the first willing factory makes. */
        private Map<Deployment, Backend> backends(OkHttpClient http) {
            List<BackendFactory> factories = new ArrayList<>(backendFactories);
            ServiceLoader.load(BackendFactory.class).forEach(factories::add);
            factories.add(new OpenAiBackendFactory());
            BackendContext context = new BackendContext(http, clock);
            Map<Deployment, Backend> out = new IdentityHashMap<>();
            try {
                for (Pool pool : allPools()) {
                    for (Deployment d : pool.deployments()) {
                        if (!out.containsKey(d)) out.put(d, d.backend().orElseGet(() -> create(d, factories, context)));
                    }
                }
            } catch (RuntimeException e) {
                new LinkedHashSet<>(out.values()).forEach(Backend::close);
                throw e;
            }
            return out;
        }

        private static Backend create(Deployment deployment, List<BackendFactory> factories, BackendContext context) {
            for (BackendFactory factory : factories) {
                Backend backend = factory.create(deployment, context);
                if (backend != null) return backend;
            }
            Set<String> known = new TreeSet<>();
            factories.forEach(f -> known.addAll(f.kinds()));
            throw new IllegalArgumentException("deployments." + deployment.name() + ": no backend for kind '"
                    + deployment.kind() + "'; known kinds: " + known
                    + " (local engines such as llama need switchboard-client-local on the class path)");
        }
    }
}
