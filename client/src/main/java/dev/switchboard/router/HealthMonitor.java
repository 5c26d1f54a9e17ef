package dev.switchboard.router;

import dev.switchboard.backend.Backend;
import dev.switchboard.backend.Health;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.disposables.CompositeDisposable;
import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes every deployment's backend every {@link HealthPolicy#interval()} with its
 * {@link Backend#health(Duration)} check (never a completion) and reports each result to its
 * {@link Listener}; the router feeds them to its cooldown breaker.
 *
 * <p>Each deployment has its own schedule: a slow probe holds back no other deployment, and a
 * deployment whose probe is still running skips its next turn rather than stacking a second probe.
 * Each probe is bounded by {@link HealthPolicy#timeout()}, past which it counts as unreachable.
 * Time runs on the given Rx {@link Scheduler}, so tests drive it with a {@code TestScheduler}.
 */
public final class HealthMonitor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HealthMonitor.class);

    /** Told each probe's result; called on a scheduler thread, and should return quickly. */
    @FunctionalInterface
    public interface Listener {
        void probed(Deployment deployment, Health health);
    }

    private final List<Target> targets;
    private final HealthPolicy policy;
    private final Scheduler scheduler;
    private final Listener listener;
    private final AtomicReference<CompositeDisposable> running = new AtomicReference<>();

    private HealthMonitor(Builder b) {
        List<Target> targets = new ArrayList<>();
        b.deployments.forEach((deployment, backend) -> targets.add(new Target(deployment, backend)));
        this.targets = Collections.unmodifiableList(targets);
        this.policy = b.policy;
        this.scheduler = b.scheduler;
        this.listener = b.listener;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts probing: each deployment at once, then every interval. Does nothing when already
     * running, or when the policy is {@linkplain HealthPolicy#disabled() disabled}.
     */
    public void start() {
        if (!policy.enabled()) return;
        CompositeDisposable schedules = new CompositeDisposable();
        if (!running.compareAndSet(null, schedules)) return;
        long period = policy.interval().toNanos();
        for (Target target : targets) {
            schedules.add(scheduler.schedulePeriodicallyDirect(() -> target.probe(schedules), 0, period, TimeUnit.NANOSECONDS));
        }
    }

    /** Stops probing and cancels the probes still running; {@link #start()} may begin again. */
    public void stop() {
        CompositeDisposable schedules = running.getAndSet(null);
        if (schedules == null) return;
        schedules.dispose();
        for (Target target : targets) {
            Disposable probe = target.current;
            if (probe != null) probe.dispose();
        }
    }

    public boolean isRunning() {
        return running.get() != null;
    }

    /** The last result of {@code deployment}'s probe; empty before its first probe ends. */
    public Optional<Health> latest(Deployment deployment) {
        for (Target target : targets) {
            if (target.deployment == deployment) return Optional.ofNullable(target.latest.get());
        }
        throw new IllegalArgumentException("Not a deployment this monitor probes: " + deployment);
    }

    /** The deployments this monitor probes. */
    public List<Deployment> deployments() {
        List<Deployment> out = new ArrayList<>();
        for (Target target : targets) out.add(target.deployment);
        return out;
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "HealthMonitor{" + targets.size() + " deployments, " + policy + (isRunning() ? ", running" : "") + "}";
    }

    /** One deployment's probes: at most one in flight. */
    private final class Target {
        final Deployment deployment;
        final Backend backend;
        final AtomicBoolean inFlight = new AtomicBoolean();
        final AtomicReference<Health> latest = new AtomicReference<>();
        volatile Disposable current;

        Target(Deployment deployment, Backend backend) {
            this.deployment = deployment;
            this.backend = backend;
        }

        void probe(CompositeDisposable schedules) {
            if (!inFlight.compareAndSet(false, true)) {
                log.debug("Health probe of {} skipped: the previous one is still running", deployment.name());
                return;
            }
            Duration timeout = policy.timeout();
            // subscribeOn: a backend whose probe blocks (HTTP run on the subscribing thread) then
            // blocks a thread of its own, not this deployment's timer.
            Disposable probe = Single.defer(() -> backend.health(timeout))
                    .subscribeOn(scheduler)
                    .timeout(timeout.toNanos(), TimeUnit.NANOSECONDS, scheduler)
                    .onErrorReturn(failure -> failure instanceof TimeoutException
                            ? Health.unreachable("no answer to the health probe within " + timeout, failure)
                            : Health.notReady("the health probe failed: " + failure, failure))
                    .doFinally(() -> inFlight.set(false))
                    .subscribe(this::report);
            current = probe;
            // A stop() that came while this probe was being set up did not see it.
            if (schedules.isDisposed()) probe.dispose();
        }

        void report(Health health) {
            Health previous = latest.getAndSet(health);
            if (previous == null || previous.status() != health.status()) {
                log.debug("Deployment {} is {}", deployment.name(), health);
            }
            try {
                listener.probed(deployment, health);
            } catch (RuntimeException e) {
                log.warn("The health listener failed on {}'s probe result; it should not throw", deployment.name(), e);
            }
        }
    }

    public static final class Builder {
        private final Map<Deployment, Backend> deployments = new LinkedHashMap<>();
        private HealthPolicy policy = HealthPolicy.ofDefaults();
        private Scheduler scheduler = Schedulers.io();
        private Listener listener;

        private Builder() {}

        /** A deployment to probe through its backend. */
        public Builder add(Deployment deployment, Backend backend) {
            Objects.requireNonNull(deployment, "deployment");
            Objects.requireNonNull(backend, "backend");
            if (deployments.putIfAbsent(deployment, backend) != null) {
                throw new IllegalArgumentException("deployments." + deployment.name() + " is added twice");
            }
            return this;
        }

        /** Deployments to probe, each through the backend {@code backends} gives it (such as {@code router::backend}). */
        public Builder addAll(Iterable<Deployment> deployments, Function<Deployment, Backend> backends) {
            for (Deployment d : deployments) add(d, backends.apply(d));
            return this;
        }

        public Builder policy(HealthPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Where intervals and timeouts are timed and probes run; tests pass a TestScheduler. */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        public Builder listener(Listener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public HealthMonitor build() {
            if (listener == null) throw new IllegalStateException("`listener` is required, but was not set");
            return new HealthMonitor(this);
        }
    }
}
