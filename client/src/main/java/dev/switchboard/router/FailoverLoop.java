package dev.switchboard.router;

import dev.switchboard.errors.NoDeploymentAvailableException;
import dev.switchboard.errors.OpenAIIoException;
import dev.switchboard.errors.UnsupportedCapabilityException;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's way through its pool: the library's only retry loop. Each step decides, under this
 * object's lock, what comes next: an attempt on a deployment (at once when failing over to one not
 * yet tried, after the {@link RetryPolicy}'s backoff when trying one again), a wait (every deployment
 * cooling down or at its limits, within the call's deadline), or the end of the call.
 *
 * <p>The call has {@code maxRetries + 1} attempts. They go to the deployments in the strategy's order,
 * fewest tried first, so a pool of three with three attempts tries each once, and a pool of one
 * retries its one deployment as the official SDK retries its endpoint.
 */
final class FailoverLoop {
    private static final Logger log = LoggerFactory.getLogger(Router.class);

    private final Router router;
    private final RouterCall call;
    private final RouteRequest request;
    private final Pool pool;
    private final boolean implicitPool;
    private final RoutingStrategy strategy;
    private final RouterListener listener;
    private final Instant deadline;
    private final int budget;
    private final long startNanos;

    // Guarded by this.
    private final Map<String, Throwable> failures = new LinkedHashMap<>();
    private final Map<String, Throwable> skips = new LinkedHashMap<>();
    // Sized for the usual call, which tries one or two deployments: IdentityHashMap's default table
    // (64 slots) made these maps most of what routing a call allocated. The last two are made when a
    // call first needs them (an attempt failed, a deployment refused): most calls never do.
    private final Map<Deployment, Integer> tries = new IdentityHashMap<>(2);
    private Map<Deployment, Instant> failedAt;
    private Set<Deployment> refused;
    /** The call's deployments in the order they are tried, with what the router knows of each (looked up once a call). */
    private List<LiveDeployment> order;
    private int attempts;
    private Deployment lastTried;

    /** The attempt running now, which the caller's cancellation ends. */
    private volatile Run current;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    FailoverLoop(Router router, RouterCall call, boolean implicitPool, RoutingStrategy strategy, Duration timeout) {
        this.router = router;
        this.call = call;
        this.request = call.request();
        this.pool = call.pool();
        this.implicitPool = implicitPool;
        this.strategy = strategy;
        this.listener = router.listener();
        this.deadline = call.startedAt().plus(request.timeout().orElse(timeout));
        this.budget = router.retryPolicy().maxRetries() + 1;
        this.startNanos = router.nanoTime();
    }

    /** The call as one Single: {@code attempt} run on each deployment the loop chooses, until one answers. */
    <T> Single<T> single(Router.Attempt<Single<T>> attempt) {
        AtomicBoolean settled = new AtomicBoolean();
        return Single.defer(() -> {
                    listener.callStart(call);
                    return nextSingle(attempt, null);
                })
                .doOnSuccess(value -> {
                    if (settled.compareAndSet(false, true)) listener.callEnd(call, sinceStart());
                })
                .doOnError(failure -> {
                    if (settled.compareAndSet(false, true)) listener.callFailed(call, failure);
                })
                .doOnDispose(() -> cancel(settled));
    }

    /** The call as one stream, failing over only until its first item has reached the caller. */
    <T> Flowable<T> stream(Router.Attempt<Flowable<T>> attempt) {
        AtomicBoolean settled = new AtomicBoolean();
        return Flowable.defer(() -> {
                    listener.callStart(call);
                    return nextStream(attempt, null);
                })
                // A caller that cancels as the stream opens may still be sent the first decision's
                // refusal; doOnCancel would hand it to RxJava's error hook, so it ends here.
                .onErrorResumeNext(failure -> cancelled.get() ? Flowable.empty() : Flowable.error(failure))
                .doOnComplete(() -> {
                    if (settled.compareAndSet(false, true)) listener.callEnd(call, sinceStart());
                })
                .doOnError(failure -> {
                    if (settled.compareAndSet(false, true)) listener.callFailed(call, failure);
                })
                .doOnCancel(() -> cancel(settled));
    }

    /**
     * The caller cancelled: the running attempt ends as cancelled, and nothing more starts. Done here,
     * around the whole call, rather than around each attempt: an attempt that fails after it was
     * cancelled then reaches {@code onErrorResumeNext}, which drops it, instead of RxJava's error hook.
     */
    private void cancel(AtomicBoolean settled) {
        cancelled.set(true);
        Run run = current;
        if (run != null) run.cancelled();
        if (settled.compareAndSet(false, true)) listener.callCancelled(call);
    }

    private <T> Single<T> nextSingle(Router.Attempt<Single<T>> attempt, Throwable last) {
        Decision next = decide(last);
        if (next.failure != null) return Single.error(next.failure);
        if (next.deployment == null) {
            return next.wait(router).andThen(Single.defer(() -> {
                waited();
                return nextSingle(attempt, last);
            }));
        }
        // A wait runs the next attempt inside the timer's task. Not delaySubscription: it disposes its
        // timer from inside that task, which races with the timer's own setup and can interrupt the
        // thread, and so the next attempt's HTTP call (seen with zero waits).
        if (next.delayNanos > 0) {
            return Single.timer(next.delayNanos, TimeUnit.NANOSECONDS, router.scheduler())
                    .flatMap(tick -> startSingle(attempt, next.deployment, last));
        }
        return startSingle(attempt, next.deployment, last);
    }

    private <T> Single<T> startSingle(Router.Attempt<Single<T>> attempt, Deployment deployment, Throwable last) {
        Run run = admit(deployment);
        if (run == null) return nextSingle(attempt, last);
        Single<T> answer;
        try {
            answer = attempt.run(run.live.backend, deployment.modelFor(request.model()));
            if (answer == null) throw new NullPointerException("The attempt gave no Single");
        } catch (RuntimeException e) {
            answer = Single.error(e);
        }
        Optional<Duration> timeout = deployment.timeout();
        if (timeout.isPresent()) {
            answer = answer.timeout(timeout.get().toNanos(), TimeUnit.NANOSECONDS, router.scheduler(),
                    Single.error(() -> run.timedOut(timeout.get())));
        }
        return answer
                .doOnSuccess(run::succeeded)
                .onErrorResumeNext(failure -> {
                    if (cancelled.get()) return Single.never();
                    run.failed(failure, false);
                    return nextSingle(attempt, failure);
                });
    }

    private <T> Flowable<T> nextStream(Router.Attempt<Flowable<T>> attempt, Throwable last) {
        Decision next = decide(last);
        if (next.failure != null) return Flowable.error(next.failure);
        if (next.deployment == null) {
            return next.wait(router).andThen(Flowable.defer(() -> {
                waited();
                return nextStream(attempt, last);
            }));
        }
        // concatMap hands the caller's requests straight to the next attempt, so a retried stream
        // is read as slowly as the first (flatMap would prefetch 128 items). See nextSingle for why
        // this is no delaySubscription.
        if (next.delayNanos > 0) {
            return Flowable.timer(next.delayNanos, TimeUnit.NANOSECONDS, router.scheduler())
                    .concatMap(tick -> startStream(attempt, next.deployment, last));
        }
        return startStream(attempt, next.deployment, last);
    }

    private <T> Flowable<T> startStream(Router.Attempt<Flowable<T>> attempt, Deployment deployment, Throwable last) {
        Run run = admit(deployment);
        if (run == null) return nextStream(attempt, last);
        Flowable<T> answer;
        try {
            answer = attempt.run(run.live.backend, deployment.modelFor(request.model()));
            if (answer == null) throw new NullPointerException("The attempt gave no Flowable");
        } catch (RuntimeException e) {
            answer = Flowable.error(e);
        }
        Optional<Duration> timeout = deployment.timeout();
        if (timeout.isPresent()) {
            // The deployment's timeout bounds the wait for the first chunk; a stream then takes its time.
            answer = answer.timeout(Flowable.timer(timeout.get().toNanos(), TimeUnit.NANOSECONDS, router.scheduler()),
                    item -> Flowable.never(), Flowable.error(() -> run.timedOut(timeout.get())));
        }
        AtomicBoolean delivered = new AtomicBoolean();
        return answer
                .doOnNext(item -> {
                    if (delivered.compareAndSet(false, true)) run.firstItem();
                    run.item(item);
                })
                .doOnComplete(run::completed)
                .onErrorResumeNext(failure -> {
                    if (cancelled.get()) return Flowable.empty();
                    // After the first chunk the caller has part of an answer: another deployment's
                    // answer would repeat or contradict it, so the failure is the caller's.
                    run.failed(failure, delivered.get());
                    if (delivered.get()) return Flowable.error(failure);
                    return nextStream(attempt, failure);
                });
    }

    /** What comes next after {@code last} (null before the first attempt). */
    private synchronized Decision decide(Throwable last) {
        if (router.isClosed()) return Decision.fail(last != null ? finalError(last) : Router.closedError());
        if (last != null) {
            if (!FailureClassifier.isRetryable(last)) {
                log.debug("pool {}: {} failed with {}, which is final: no failover", pool.name(), name(lastTried), describe(last));
                return Decision.fail(last);
            }
            if (attempts >= budget) {
                log.debug("pool {}: {} failed with {}; giving up after {} attempts", pool.name(), name(lastTried),
                        describe(last), attempts);
                return Decision.fail(finalError(last));
            }
        }
        Instant now = router.clock().instant();
        // Taken before looking at the deployments, so a slot freed while we look still wakes a wait.
        Completable released = router.released();
        if (order == null) {
            Throwable unfit = order(now);
            if (unfit != null) return Decision.fail(unfit);
        }
        int tokens = request.estimatedTotalTokens();
        Deployment best = null;
        int bestTries = 0;
        Instant wakeAt = null;
        boolean waitForRelease = false;
        for (LiveDeployment live : order) {
            Deployment d = live.deployment;
            if (refused != null && refused.contains(d)) {
                waitForRelease = true;
                continue;
            }
            Optional<Instant> cooling = live.coolingUntil();
            if (cooling.isPresent()) {
                skip(d, "cooling down until " + cooling.get() + lastError(d));
                wakeAt = earliest(wakeAt, cooling.get());
                continue;
            }
            String busy = live.busy(tokens, now);
            if (busy != null) {
                skip(d, busy);
                if (live.rateLimited(tokens, now)) wakeAt = earliest(wakeAt, MinuteBudget.nextMinute(now));
                else waitForRelease = true;
                continue;
            }
            int t = tries.getOrDefault(d, 0);
            if (best == null || t < bestTries) {
                best = d;
                bestTries = t;
            }
        }
        if (best != null) {
            long delay = 0;
            if (bestTries > 0) {
                // The backoff counts from the deployment's failure: time spent waiting for it to cool
                // down (say, for its Retry-After) is not waited again.
                Throwable previous = failures.getOrDefault(best.name(), last);
                Duration backoff = router.retryPolicy().delay(bestTries, previous, router.clock(), router.random());
                Duration since = Duration.between(failedAt == null ? now : failedAt.getOrDefault(best, now), now);
                delay = Math.max(0, backoff.minus(since).toNanos());
            }
            if (last != null) {
                if (best == lastTried) {
                    log.debug("pool {}: {} failed with {}; trying it again in {} ms (attempt {} of {})", pool.name(),
                            name(lastTried), describe(last), TimeUnit.NANOSECONDS.toMillis(delay), attempts + 1, budget);
                } else {
                    log.debug("pool {}: {} failed with {}; failing over to {}{} (attempt {} of {})", pool.name(),
                            name(lastTried), describe(last), best.name(),
                            delay > 0 ? " in " + TimeUnit.NANOSECONDS.toMillis(delay) + " ms" : "", attempts + 1, budget);
                }
            }
            return Decision.attempt(best, delay);
        }
        Duration left = Duration.between(now, deadline);
        boolean recoversInTime = wakeAt != null && !wakeAt.isAfter(deadline);
        if (left.isNegative() || left.isZero() || (!recoversInTime && !waitForRelease)) {
            log.debug("pool {}: no deployment can take the call before its deadline; giving up: {}", pool.name(), skips);
            return Decision.fail(last != null ? finalError(last) : unavailable());
        }
        Duration wait = recoversInTime ? Duration.between(now, wakeAt) : left;
        log.debug("pool {}: no deployment can take the call now; waiting up to {} ms{}", pool.name(), wait.toMillis(),
                waitForRelease ? " or until a call ends" : "");
        // Any attempt ending (or the router closing) wakes the wait early, and the call looks again.
        return Decision.waitFor(wait.toNanos(), released);
    }

    /**
     * Fixes the order of the call's deployments: those that can do the call and fit it, ordered by
     * the strategy (asked once, so a round robin moves once a call); deployments cooling down now
     * follow, in case they recover within the call. Gives the call's end when none can do it.
     */
    private Throwable order(Instant now) {
        List<Deployment> deployments = pool.deployments();
        List<Deployment> able = new ArrayList<>(deployments.size());
        List<LiveDeployment> ableLive = new ArrayList<>(deployments.size());
        int incapable = 0;
        int tokens = request.estimatedTotalTokens();
        for (Deployment d : deployments) {
            LiveDeployment live = router.live(d);
            Capability missing = implicitPool ? null : missing(live);
            if (missing != null) {
                incapable++;
                skip(d, "it cannot do " + name(missing));
                continue;
            }
            if (d.contextWindow().isPresent() && tokens > d.contextWindow().getAsInt()) {
                skip(d, "its context window of " + d.contextWindow().getAsInt() + " tokens is too small for this call's "
                        + "about " + tokens + " (" + request.estimatedPromptTokens() + " prompt + "
                        + request.maxOutputTokens() + " output)");
                continue;
            }
            if (d.tpm() > 0 && tokens > d.tpm()) {
                skip(d, "this call needs about " + tokens + " tokens, more than its " + d.tpm() + " tokens per minute");
                continue;
            }
            able.add(d);
            ableLive.add(live);
        }
        if (able.isEmpty()) {
            if (incapable == deployments.size()) return unsupported();
            return unavailable();
        }
        List<Deployment> ready = new ArrayList<>(able.size());
        List<LiveDeployment> readyLive = new ArrayList<>(able.size());
        boolean[] isReady = new boolean[able.size()];
        for (int i = 0; i < able.size(); i++) {
            LiveDeployment live = ableLive.get(i);
            if (live.coolingUntil().isEmpty() && live.busy(tokens, now) == null) {
                ready.add(able.get(i));
                readyLive.add(live);
                isReady[i] = true;
            }
        }
        boolean allOffered = ready.isEmpty() || ready.size() == able.size();
        List<Deployment> offered = allOffered ? able : ready;
        List<LiveDeployment> offeredLive = allOffered ? ableLive : readyLive;
        List<Deployment> chosen;
        try {
            chosen = strategy.order(Collections.unmodifiableList(offered),
                    new CallContext(request, pool, router.liveDeployments(), router.random()));
        } catch (RuntimeException e) {
            return new IllegalStateException("The strategy of pool '" + pool.name() + "' (" + strategy + ") failed", e);
        }
        // What the strategy chose among those offered, each once, by identity. Pools are small, so a
        // scan of the offered list costs less than the identity sets this used to allocate per call.
        List<LiveDeployment> out = new ArrayList<>(able.size());
        boolean[] taken = new boolean[offered.size()];
        if (chosen != null) {
            for (Deployment d : chosen) {
                int i = indexOf(offered, d, out.size());
                if (i >= 0 && !taken[i]) {
                    taken[i] = true;
                    out.add(offeredLive.get(i));
                }
            }
        }
        if (!allOffered) {
            for (int i = 0; i < able.size(); i++) {
                if (!isReady[i]) out.add(ableLive.get(i)); // not offered: cooling or busy now
            }
        }
        if (out.isEmpty()) {
            return new NoDeploymentAvailableException(pool.name(), Map.of(pool.name(), new DeploymentSkippedException(
                    pool.name(), "the pool's strategy (" + strategy + ") chose none of " + names(offered))));
        }
        order = out;
        return null;
    }

    /** Where {@code d} is in {@code deployments}, by identity, looking at {@code hint} first (strategies often keep the order); -1 if absent. */
    private static int indexOf(List<Deployment> deployments, Deployment d, int hint) {
        if (hint < deployments.size() && deployments.get(hint) == d) return hint;
        for (int i = 0, n = deployments.size(); i < n; i++) {
            if (deployments.get(i) == d) return i;
        }
        return -1;
    }

    /** The first of the call's needs this deployment's backend lacks, or null. */
    private Capability missing(LiveDeployment live) {
        Set<Capability> offered = live.backend.capabilities();
        if (!offered.contains(request.capability())) return request.capability();
        Set<Capability> features = request.features();
        if (features.isEmpty()) return null; // spares an iterator per deployment and call
        for (Capability feature : features) {
            if (!offered.contains(feature)) return feature;
        }
        return null;
    }

    private UnsupportedCapabilityException unsupported() {
        // Name the need no deployment meets; when each lacks something else, all the call's needs together.
        List<Capability> needs = new ArrayList<>();
        needs.add(request.capability());
        needs.addAll(request.features());
        Capability unmet = null;
        for (Capability need : needs) {
            boolean someone = false;
            for (Deployment d : pool.deployments()) someone |= router.live(d).backend.capabilities().contains(need);
            if (!someone) {
                unmet = need;
                break;
            }
        }
        StringJoiner all = new StringJoiner(" with ");
        needs.forEach(n -> all.add(name(n)));
        StringJoiner kinds = new StringJoiner(", ", "(", ")");
        pool.deployments().forEach(d -> kinds.add(d.name() + ": " + d.kind()));
        return new UnsupportedCapabilityException(pool.name(), unmet != null ? name(unmet) : all.toString(),
                "none of its deployments offers it " + kinds);
    }

    private NoDeploymentAvailableException unavailable() {
        return new NoDeploymentAvailableException(pool.name(), merged());
    }

    /**
     * What the caller sees when the call gives up after {@code last}: a final failure as it is; a call
     * that only ever had one deployment, its last failure (as the official SDK throws it); otherwise
     * each deployment's last failure, or why it was skipped.
     */
    private Throwable finalError(Throwable last) {
        if (!FailureClassifier.isRetryable(last)) return last;
        Map<String, Throwable> all = merged();
        if (all.size() <= 1) return last;
        return new NoDeploymentAvailableException(pool.name(), all);
    }

    private Map<String, Throwable> merged() {
        Map<String, Throwable> all = new LinkedHashMap<>(failures);
        skips.forEach(all::putIfAbsent);
        return all;
    }

    private void skip(Deployment deployment, String reason) {
        skips.put(deployment.name(), new DeploymentSkippedException(deployment.name(), deployment.name() + " was skipped: " + reason));
        log.debug("pool {}: skipping {}: {}", pool.name(), deployment.name(), reason);
        listener.deploymentSkipped(call, deployment, reason);
    }

    private String lastError(Deployment deployment) {
        Throwable failure = failures.get(deployment.name());
        return failure == null ? "" : " after " + describe(failure);
    }

    /** Takes a slot on {@code deployment} for an attempt, or returns null (and skips it until the next wait). */
    private Run admit(Deployment deployment) {
        LiveDeployment live = router.live(deployment);
        int tokens = request.estimatedTotalTokens();
        int number;
        synchronized (this) {
            if (router.isClosed()) {
                refuse(deployment);
                return null;
            }
            Optional<DeploymentBreaker> breaker = live.breaker();
            if (breaker.isPresent() && !breaker.get().tryAcquire()) {
                refuse(deployment);
                skip(deployment, "its trial calls after a cooldown are taken");
                return null;
            }
            if (!live.tryAdmit(tokens, router.clock().instant())) {
                breaker.ifPresent(DeploymentBreaker::release);
                refuse(deployment);
                skip(deployment, "it reached its limits meanwhile");
                return null;
            }
            number = ++attempts;
            tries.merge(deployment, 1, Integer::sum);
            lastTried = deployment;
        }
        listener.attemptStart(call, deployment, number);
        Run run = new Run(live, tokens);
        current = run;
        // A cancellation that came while this attempt was being admitted finds it here.
        if (cancelled.get()) run.cancelled();
        return run;
    }

    // Guarded by this.
    private void refuse(Deployment deployment) {
        if (refused == null) refused = Collections.newSetFromMap(new IdentityHashMap<>(2));
        refused.add(deployment);
    }

    private synchronized void waited() {
        if (refused != null) refused.clear();
    }

    private synchronized boolean mayRetry(Throwable failure) {
        return FailureClassifier.isRetryable(failure) && attempts < budget && !router.isClosed();
    }

    private synchronized void failed(Deployment deployment, Throwable failure) {
        failures.remove(deployment.name());
        failures.put(deployment.name(), failure);
        if (failedAt == null) failedAt = new IdentityHashMap<>(2);
        failedAt.put(deployment, router.clock().instant());
    }

    private Duration sinceStart() {
        return Duration.ofNanos(router.nanoTime() - startNanos);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static String name(Capability capability) {
        return capability.name().toLowerCase(Locale.ROOT);
    }

    private static String name(Deployment deployment) {
        return deployment == null ? "?" : deployment.name();
    }

    private static String names(List<Deployment> deployments) {
        StringJoiner out = new StringJoiner(", ", "[", "]");
        deployments.forEach(d -> out.add(d.name()));
        return out.toString();
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }

    /** The next step: an attempt (after a delay), a wait, or the call's end. */
    private static final class Decision {
        final Deployment deployment;
        final long delayNanos;
        final Completable released;
        final Throwable failure;

        private Decision(Deployment deployment, long delayNanos, Completable released, Throwable failure) {
            this.deployment = deployment;
            this.delayNanos = delayNanos;
            this.released = released;
            this.failure = failure;
        }

        static Decision attempt(Deployment deployment, long delayNanos) {
            return new Decision(deployment, delayNanos, null, null);
        }

        /** Waits {@code nanos}, or less when {@code released} completes first. */
        static Decision waitFor(long nanos, Completable released) {
            return new Decision(null, nanos, released, null);
        }

        static Decision fail(Throwable failure) {
            return new Decision(null, 0, null, failure);
        }

        Completable wait(Router router) {
            Completable timer = Completable.timer(delayNanos, TimeUnit.NANOSECONDS, router.scheduler());
            return Completable.ambArray(timer, released);
        }
    }

    /** One attempt on one deployment: settles exactly once, as an answer, a failure or a cancellation. */
    private final class Run {
        final LiveDeployment live;
        final Deployment deployment;
        private final int tokensTaken;
        private final long started = router.nanoTime();
        private final AtomicBoolean settled = new AtomicBoolean();
        private volatile boolean timedOutByDeployment;
        private volatile TokenUsage streamUsage;

        Run(LiveDeployment live, int tokensTaken) {
            this.live = live;
            this.deployment = live.deployment;
            this.tokensTaken = tokensTaken;
        }

        Throwable timedOut(Duration timeout) {
            timedOutByDeployment = true;
            return new OpenAIIoException(deployment.name() + " gave no answer within its timeout of " + timeout,
                    new TimeoutException(timeout.toString()));
        }

        void succeeded(Object answer) {
            if (!settled.compareAndSet(false, true)) return;
            Duration latency = elapsed();
            Optional<TokenUsage> usage = TokenUsage.of(answer);
            long outputTokens = usage.map(u -> u.output).orElse(0L);
            live.recordTimePerToken(latency.toNanos() / 1e6 / Math.max(1, outputTokens));
            end(latency, usage);
        }

        void firstItem() {
            Duration ttft = elapsed();
            live.recordTimeToFirstToken(ttft.toNanos() / 1e6);
            listener.firstChunk(call, deployment, ttft);
        }

        void item(Object item) {
            TokenUsage.of(item).ifPresent(u -> streamUsage = u);
        }

        void completed() {
            if (!settled.compareAndSet(false, true)) return;
            end(elapsed(), Optional.ofNullable(streamUsage));
        }

        private void end(Duration latency, Optional<TokenUsage> usage) {
            live.breaker().ifPresent(b -> b.onSuccess(latency));
            usage.ifPresent(u -> live.correctTokens(u.input + u.output - tokensTaken, router.clock().instant()));
            release();
            usage.ifPresent(u -> listener.tokens(call, deployment, u.input, u.output));
            listener.attemptEnd(call, deployment, latency);
        }

        void failed(Throwable failure, boolean afterFirstItem) {
            if (!settled.compareAndSet(false, true)) return;
            FailoverLoop.this.failed(deployment, failure);
            Duration latency = elapsed();
            if (live.breaker().isPresent()) {
                DeploymentBreaker breaker = live.breaker().get();
                if (countsAgainstDeployment(failure)) breaker.onFailure(latency, failure);
                else breaker.release();
            }
            release();
            boolean willRetry = !afterFirstItem && mayRetry(failure);
            listener.attemptFailed(call, deployment, failure, willRetry);
        }

        void cancelled() {
            if (!settled.compareAndSet(false, true)) return;
            live.breaker().ifPresent(DeploymentBreaker::release);
            release();
            listener.attemptCancelled(call, deployment);
        }

        /**
         * Failures of the deployment count toward its cooldown. A final (4xx) answer is the request's
         * fault, and a timeout under the caller's own timeout for this call is the caller's choice.
         */
        private boolean countsAgainstDeployment(Throwable failure) {
            if (!FailureClassifier.isRetryable(failure)) return false;
            return timedOutByDeployment || !(request.timeout().isPresent() && FailureClassifier.isTimeout(failure));
        }

        private void release() {
            live.release();
            router.signalReleased();
        }

        private Duration elapsed() {
            return Duration.ofNanos(Math.max(0, router.nanoTime() - started));
        }
    }
}
