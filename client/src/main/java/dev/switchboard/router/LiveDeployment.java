package dev.switchboard.router;

import dev.switchboard.backend.Backend;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the router knows of one deployment while it runs: its backend, its cooldown breaker (none for
 * the implicit pool of the default endpoint), its calls in flight, its minute's budget, and its
 * smoothed latencies.
 */
final class LiveDeployment {
    final Deployment deployment;
    final Backend backend;
    private final DeploymentBreaker breaker;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final MinuteBudget budget;
    private final LatencyAverage timeToFirstToken = new LatencyAverage();
    private final LatencyAverage timePerToken = new LatencyAverage();

    LiveDeployment(Deployment deployment, Backend backend, DeploymentBreaker breaker) {
        this.deployment = deployment;
        this.backend = backend;
        this.breaker = breaker;
        this.budget = new MinuteBudget(deployment.rpm(), deployment.tpm());
    }

    Optional<DeploymentBreaker> breaker() {
        return Optional.ofNullable(breaker);
    }

    BreakerState breakerState() {
        return breaker == null ? BreakerState.DISABLED : breaker.state();
    }

    Optional<Instant> coolingUntil() {
        return breaker == null ? Optional.empty() : breaker.coolingUntil();
    }

    int inFlight() {
        return inFlight.get();
    }

    /** Why this deployment cannot take a call of {@code tokens} now (concurrency, rpm, tpm), or null. */
    String busy(int tokens, Instant now) {
        int max = deployment.maxConcurrency();
        if (max > 0 && inFlight.get() >= max) return "it has " + max + " calls in flight, its max_concurrency";
        return budget.refusal(tokens, now);
    }

    /** Whether the only thing in the way is the minute's budget, which the next minute renews. */
    boolean rateLimited(int tokens, Instant now) {
        return budget.limited() && budget.refusal(tokens, now) != null;
    }

    /** Takes a slot and the minute's budget for one call, or nothing if either is spent. */
    boolean tryAdmit(int tokens, Instant now) {
        int max = deployment.maxConcurrency();
        while (true) {
            int current = inFlight.get();
            if (max > 0 && current >= max) return false;
            if (inFlight.compareAndSet(current, current + 1)) break;
        }
        if (!budget.tryTake(tokens, now)) {
            inFlight.decrementAndGet();
            return false;
        }
        return true;
    }

    void release() {
        inFlight.decrementAndGet();
    }

    void correctTokens(long delta, Instant now) {
        budget.correct(delta, now);
    }

    OptionalDouble latencyMillis(boolean streaming) {
        return (streaming ? timeToFirstToken : timePerToken).millis();
    }

    void recordTimeToFirstToken(double millis) {
        timeToFirstToken.add(millis);
    }

    void recordTimePerToken(double millis) {
        timePerToken.add(millis);
    }

    @Override
    public String toString() {
        return deployment.name() + "{" + breakerState() + ", inFlight=" + inFlight.get() + "}";
    }
}
