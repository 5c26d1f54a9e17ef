package dev.switchboard.router;

import dev.switchboard.errors.OpenAIServiceException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One deployment's cooldown: a Resilience4j circuit breaker (closed → open → half-open → closed) with
 * the {@link CooldownPolicy}'s two rules. Resilience4j counts the failure rate over the window once
 * {@code minimumRequests} were seen; the {@code allowedFails} rule (more failures than allowed within
 * the window) is ours, since Resilience4j knows only rates. A 429's Retry-After keeps the deployment
 * out at least that long, and a new cooldown never ends an older one sooner.
 *
 * <p>Every call into the Resilience4j breaker happens under this object's lock, so the transition
 * events it publishes (synchronously) can tell our own openings from its own.
 */
final class DeploymentBreaker {
    private final Deployment deployment;
    private final CooldownPolicy policy;
    private final Clock clock;
    private final RouterListener listener;
    private final CircuitBreaker breaker;

    // Guarded by this.
    private final Deque<Instant> recentFailures = new ArrayDeque<>();
    private Instant openUntil = Instant.MIN;
    /** Until when the server asked for no calls (a 429's Retry-After): a passing health probe does not change that. */
    private Instant rateLimitedUntil = Instant.MIN;
    private Instant requestedUntil;
    private Throwable cause;

    DeploymentBreaker(Deployment deployment, CooldownPolicy policy, Clock clock, RouterListener listener) {
        this.deployment = deployment;
        this.policy = policy;
        this.clock = clock;
        this.listener = listener;
        int windowSeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, ceilSeconds(policy.window())));
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindow(windowSeconds, policy.minimumRequests(), SlidingWindowType.TIME_BASED)
                .failureRateThreshold(policy.failureRateThreshold())
                .waitDurationInOpenState(resilienceWait(policy.cooldown()))
                .permittedNumberOfCallsInHalfOpenState(policy.halfOpenProbes())
                .automaticTransitionFromOpenToHalfOpenEnabled(false) // no threads: the next call moves it
                .writableStackTraceEnabled(false)
                .clock(clock)
                .build();
        this.breaker = CircuitBreaker.of(deployment.name(), config);
        breaker.getEventPublisher().onStateTransition(event -> transitioned(
                event.getStateTransition().getFromState(), event.getStateTransition().getToState()));
    }

    synchronized BreakerState state() {
        return map(breaker.getState());
    }

    /** When the deployment's cooldown ends, while it is cooling; empty when it may be tried. */
    Optional<Instant> coolingUntil() {
        // The router asks this of every deployment of the pool, twice per call. Resilience4j's state is
        // atomic, so a breaker that is not open (the usual case) answers without our lock; one that
        // opens just after this look is caught by tryAcquire when the call is admitted.
        if (breaker.getState() != CircuitBreaker.State.OPEN) return Optional.empty();
        synchronized (this) {
            if (breaker.getState() != CircuitBreaker.State.OPEN) return Optional.empty();
            return clock.instant().isBefore(openUntil) ? Optional.of(openUntil) : Optional.empty();
        }
    }

    /** A permit for one call; false while cooling, or in half-open once the trial calls are out. */
    synchronized boolean tryAcquire() {
        return breaker.tryAcquirePermission();
    }

    synchronized void onSuccess(Duration latency) {
        breaker.onSuccess(latency.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** A call that ended without a verdict on the deployment (a 4xx, the caller's timeout, cancellation). */
    synchronized void release() {
        breaker.releasePermission();
    }

    /** A failure of the deployment itself: counts toward its cooldown. */
    synchronized void onFailure(Duration latency, Throwable failure) {
        Instant now = clock.instant();
        cause = failure;
        breaker.onError(latency.toNanos(), TimeUnit.NANOSECONDS, failure);
        if (breaker.getState() == CircuitBreaker.State.CLOSED) {
            recentFailures.addLast(now);
            Instant windowStart = now.minus(policy.window());
            while (!recentFailures.isEmpty() && !recentFailures.peekFirst().isAfter(windowStart)) recentFailures.removeFirst();
            if (recentFailures.size() > policy.allowedFails()) openUntil(now.plus(policy.cooldown()), failure);
        }
        retryAfter(failure).ifPresent(wait -> {
            Instant until = now.plus(wait);
            if (until.isAfter(rateLimitedUntil)) rateLimitedUntil = until;
            openUntil(until, failure);
        });
    }

    /**
     * A health probe's verdict: a failing probe cools the deployment, a passing one lets a cooled one
     * take its trial calls now, unless the server itself asked for time (Retry-After) that has not passed.
     */
    synchronized void onProbe(boolean healthy, Throwable failure) {
        if (healthy) {
            if (breaker.getState() == CircuitBreaker.State.OPEN && !clock.instant().isBefore(rateLimitedUntil)) {
                breaker.transitionToHalfOpenState();
            }
        } else {
            openUntil(clock.instant().plus(policy.cooldown()), failure);
        }
    }

    /** Cools the deployment until {@code until}, unless it already cools longer. */
    private void openUntil(Instant until, Throwable failure) {
        if (breaker.getState() == CircuitBreaker.State.OPEN && !openUntil.isBefore(until)) return;
        cause = failure;
        requestedUntil = until;
        try {
            breaker.transitionToOpenStateUntil(until.minusNanos(1));
        } finally {
            requestedUntil = null;
        }
    }

    /** Runs inside a breaker call, under our lock. */
    private void transitioned(CircuitBreaker.State from, CircuitBreaker.State to) {
        BreakerState before = map(from);
        BreakerState after = map(to);
        if (after == BreakerState.OPEN) {
            openUntil = requestedUntil != null ? requestedUntil : clock.instant().plus(policy.cooldown());
        }
        if (after == BreakerState.CLOSED) recentFailures.clear();
        if (before != after) listener.breakerStateChanged(deployment, before, after);
        if (after == BreakerState.OPEN) listener.cooldownEntered(deployment, openUntil, cause);
        if (before == BreakerState.OPEN && after != BreakerState.OPEN) listener.cooldownLeft(deployment, after);
    }

    private Optional<Duration> retryAfter(Throwable failure) {
        if (!(failure instanceof OpenAIServiceException)) return Optional.empty();
        OpenAIServiceException e = (OpenAIServiceException) failure;
        return e.statusCode() == 429 ? RetryAfter.of(e.headers(), clock) : Optional.empty();
    }

    /**
     * Resilience4j lets calls through once its clock is strictly after the end of the wait; we say a
     * cooldown ends at its last instant. One nanosecond less makes the two agree.
     */
    private static Duration resilienceWait(Duration cooldown) {
        Duration wait = cooldown.minusNanos(1);
        return wait.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : wait;
    }

    private static long ceilSeconds(Duration d) {
        long s = d.getSeconds();
        return d.getNano() > 0 ? s + 1 : s;
    }

    private static BreakerState map(CircuitBreaker.State state) {
        switch (state) {
            case CLOSED:
                return BreakerState.CLOSED;
            case OPEN:
            case FORCED_OPEN:
                return BreakerState.OPEN;
            case HALF_OPEN:
                return BreakerState.HALF_OPEN;
            default:
                return BreakerState.DISABLED;
        }
    }

    @Override
    public String toString() {
        return "DeploymentBreaker(" + deployment.name() + ", " + state() + ")";
    }
}
