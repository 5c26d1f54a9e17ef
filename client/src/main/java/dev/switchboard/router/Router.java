package dev.switchboard.router;

import dev.switchboard.backend.Backend;
import dev.switchboard.backend.BackendContext;
import dev.switchboard.backend.BackendFactory;
import dev.switchboard.backend.openai.OpenAiBackendFactory;
import dev.switchboard.errors.NoDeploymentAvailableException;
import dev.switchboard.models.models.Model;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.schedulers.Schedulers;
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
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * Routes every call: finds the pool of the call's model (a configured pool name, or else the
 * implicit pool of the default endpoint, which sends the model as it is), tries its deployments,
 * and owns the only retry loop of the library.
 *
 * <p>A retryable failure (see {@link FailureClassifier}) is followed, after the {@link RetryPolicy}'s
 * wait, by an attempt on the next deployment, up to the policy's retries. A final failure ends the
 * call at once with its own exception. A stream is tried again only until its first chunk has been
 * delivered; after that its failure is the caller's.
 */
public final class Router implements AutoCloseable {
    private final Pool defaultPool;
    private final Map<String, Pool> pools;
    private final RetryPolicy retryPolicy;
    private final Scheduler scheduler;
    private final Clock clock;
    private final DoubleSupplier random;
    private final CooldownPolicy cooldownPolicy;
    private final HealthPolicy healthPolicy;
    private final Map<Deployment, Backend> backends;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Router(Builder b, Map<Deployment, Backend> backends) {
        this.defaultPool = b.defaultPool;
        this.pools = Collections.unmodifiableMap(new LinkedHashMap<>(b.pools));
        this.retryPolicy = b.retryPolicy;
        this.scheduler = b.scheduler;
        this.clock = b.clock;
        this.random = b.random;
        this.cooldownPolicy = b.cooldownPolicy;
        this.healthPolicy = b.healthPolicy;
        this.backends = backends;
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

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public CooldownPolicy cooldownPolicy() {
        return cooldownPolicy;
    }

    public HealthPolicy healthPolicy() {
        return healthPolicy;
    }

    /** Runs a call that gives one value, trying deployments of {@code model}'s pool until one answers. */
    public <T> Single<T> single(Capability capability, String model, Attempt<Single<T>> attempt) {
        Objects.requireNonNull(attempt, "attempt");
        return Single.defer(() -> {
            if (closed.get()) return Single.error(closedError());
            CallState call = new CallState(capability, model, route(model));
            return attemptSingle(call, 0, attempt);
        });
    }

    /** Runs a streaming call; it fails over only until the first item has been delivered. */
    public <T> Flowable<T> stream(Capability capability, String model, Attempt<Flowable<T>> attempt) {
        Objects.requireNonNull(attempt, "attempt");
        return Flowable.defer(() -> {
            if (closed.get()) return Flowable.error(closedError());
            CallState call = new CallState(capability, model, route(model));
            return attemptStream(call, 0, attempt);
        });
    }

    private <T> Single<T> attemptSingle(CallState call, int attemptNumber, Attempt<Single<T>> attempt) {
        Deployment deployment = call.candidate(attemptNumber);
        Single<T> result;
        try {
            result = attempt.run(backend(deployment), deployment.modelFor(call.model));
        } catch (RuntimeException e) {
            result = Single.error(e);
        }
        return result.onErrorResumeNext(failure -> {
            call.failed(deployment, failure);
            if (!call.mayRetry(attemptNumber, failure)) return Single.error(call.finalError(failure));
            // The next attempt runs inside the timer's task. Not delaySubscription: it disposes its
            // timer from inside that task, which races with the timer's own setup and can interrupt
            // the thread, and so the next attempt's HTTP call (seen with zero waits).
            return Single.timer(delayNanos(attemptNumber + 1, failure), TimeUnit.NANOSECONDS, scheduler)
                    .flatMap(tick -> attemptSingle(call, attemptNumber + 1, attempt));
        });
    }

    private <T> Flowable<T> attemptStream(CallState call, int attemptNumber, Attempt<Flowable<T>> attempt) {
        Deployment deployment = call.candidate(attemptNumber);
        Flowable<T> result;
        try {
            result = attempt.run(backend(deployment), deployment.modelFor(call.model));
        } catch (RuntimeException e) {
            result = Flowable.error(e);
        }
        AtomicBoolean delivered = new AtomicBoolean();
        return result.doOnNext(item -> delivered.set(true)).onErrorResumeNext(failure -> {
            call.failed(deployment, failure);
            if (delivered.get() || !call.mayRetry(attemptNumber, failure)) {
                return Flowable.error(delivered.get() ? failure : call.finalError(failure));
            }
            // concatMap hands the caller's requests straight to the next attempt, so a retried stream
            // is read as slowly as the first (flatMap would prefetch 128 items). See attemptSingle
            // for why this is no delaySubscription.
            return Flowable.timer(delayNanos(attemptNumber + 1, failure), TimeUnit.NANOSECONDS, scheduler)
                    .concatMap(tick -> attemptStream(call, attemptNumber + 1, attempt));
        });
    }

    private static IllegalStateException closedError() {
        return new IllegalStateException("The client is closed: no call can start after close()");
    }

    private long delayNanos(int retry, Throwable failure) {
        return retryPolicy.delay(retry, failure, clock, random).toNanos();
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
        Backend backend = backends.get(deployment);
        if (backend == null) throw new IllegalArgumentException("Not a deployment of this router: " + deployment);
        return backend;
    }

    /** Closes every deployment's backend, which cancels its calls still running; later calls fail. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        RuntimeException first = null;
        for (Backend backend : new LinkedHashSet<>(backends.values())) {
            try {
                backend.close();
            } catch (RuntimeException e) {
                if (first == null) first = e;
                else first.addSuppressed(e);
            }
        }
        if (first != null) throw first;
    }

    @Override
    public String toString() {
        return "Router{pools=" + pools.keySet() + ", default=" + defaultPool + ", " + retryPolicy + "}";
    }

    /** What one call has tried so far. */
    private final class CallState {
        final Capability capability;
        final String model;
        final Pool pool;
        final Map<String, Throwable> failures = new LinkedHashMap<>();

        CallState(Capability capability, String model, Pool pool) {
            this.capability = capability;
            this.model = model;
            this.pool = pool;
        }

        Deployment candidate(int attemptNumber) {
            List<Deployment> deployments = pool.deployments();
            return deployments.get(attemptNumber % deployments.size());
        }

        synchronized void failed(Deployment deployment, Throwable failure) {
            failures.remove(deployment.name());
            failures.put(deployment.name(), failure);
        }

        /** Whether to try again: retries left, a retryable failure, and the router still open (closing cancels calls). */
        boolean mayRetry(int attemptNumber, Throwable failure) {
            return attemptNumber < retryPolicy.maxRetries() && FailureClassifier.isRetryable(failure) && !closed.get();
        }

        /**
         * What the caller sees when the call gives up: a final failure as it is; retries used up on
         * one deployment, its last failure (as the official SDK throws it); on several, every
         * deployment's last failure.
         */
        synchronized Throwable finalError(Throwable last) {
            if (!FailureClassifier.isRetryable(last) || failures.size() <= 1) return last;
            return new NoDeploymentAvailableException(pool.name(), failures);
        }
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

        private Builder() {}

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

        public Router build() {
            if (defaultPool == null && pools.isEmpty()) {
                throw new IllegalStateException("A router needs a default deployment or at least one pool");
            }
            return new Router(this, backends());
        }

        /** Each deployment's backend: its own, or one the first willing factory makes. */
        private Map<Deployment, Backend> backends() {
            List<BackendFactory> factories = new ArrayList<>(backendFactories);
            ServiceLoader.load(BackendFactory.class).forEach(factories::add);
            factories.add(new OpenAiBackendFactory());
            BackendContext context = new BackendContext(httpClient != null ? httpClient : new OkHttpClient(), clock);
            Map<Deployment, Backend> out = new IdentityHashMap<>();
            List<Pool> all = new ArrayList<>(pools.values());
            if (defaultPool != null) all.add(defaultPool);
            try {
                for (Pool pool : all) {
                    for (Deployment d : pool.deployments()) out.put(d, d.backend().orElseGet(() -> create(d, factories, context)));
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
