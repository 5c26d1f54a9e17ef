package dev.switchboard.router;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One deployment's statistics at one moment, consistent with itself: every attempt counted in
 * {@link #requests()} is in exactly one of {@link #successes()}, {@link #errors()}, {@link #cancelled()}
 * or {@link #inFlight()}. Latencies are percentiles of the last 1,024 attempts.
 */
public final class DeploymentStats {
    private final String deployment;
    private final long requests;
    private final long successes;
    private final Map<String, Long> errorsByClass;
    private final long errors;
    private final long cancelled;
    private final long inFlight;
    private final Duration latencyP50;
    private final Duration latencyP99;
    private final Duration timeToFirstTokenP50;
    private final Duration timeToFirstTokenP99;
    private final long tokensIn;
    private final long tokensOut;
    private final BreakerState breakerState;

    DeploymentStats(String deployment, long requests, long successes, Map<String, Long> errorsByClass, long cancelled,
            long inFlight, Duration latencyP50, Duration latencyP99, Duration timeToFirstTokenP50,
            Duration timeToFirstTokenP99, long tokensIn, long tokensOut, BreakerState breakerState) {
        this.deployment = deployment;
        this.requests = requests;
        this.successes = successes;
        this.errorsByClass = Collections.unmodifiableMap(new TreeMap<>(errorsByClass));
        this.errors = errorsByClass.values().stream().mapToLong(Long::longValue).sum();
        this.cancelled = cancelled;
        this.inFlight = inFlight;
        this.latencyP50 = latencyP50;
        this.latencyP99 = latencyP99;
        this.timeToFirstTokenP50 = timeToFirstTokenP50;
        this.timeToFirstTokenP99 = timeToFirstTokenP99;
        this.tokensIn = tokensIn;
        this.tokensOut = tokensOut;
        this.breakerState = breakerState;
    }

    /** The deployment's name. */
    public String deployment() {
        return deployment;
    }

    /** Attempts sent to this deployment. */
    public long requests() {
        return requests;
    }

    public long successes() {
        return successes;
    }

    /** Attempts that failed. */
    public long errors() {
        return errors;
    }

    /** Failed attempts by the exception's simple class name ({@code InternalServerException}, {@code OpenAIIoException}, …). */
    public Map<String, Long> errorsByClass() {
        return errorsByClass;
    }

    /** Attempts the caller cancelled (a closed stream, a disposed call). */
    public long cancelled() {
        return cancelled;
    }

    public long inFlight() {
        return inFlight;
    }

    /** Median time of a successful attempt; empty before the first. */
    public Optional<Duration> latencyP50() {
        return Optional.ofNullable(latencyP50);
    }

    public Optional<Duration> latencyP99() {
        return Optional.ofNullable(latencyP99);
    }

    /** Median time from a stream's start to its first chunk; empty before the first stream. */
    public Optional<Duration> timeToFirstTokenP50() {
        return Optional.ofNullable(timeToFirstTokenP50);
    }

    public Optional<Duration> timeToFirstTokenP99() {
        return Optional.ofNullable(timeToFirstTokenP99);
    }

    /** Prompt tokens, as the answers' usage reported them. */
    public long tokensIn() {
        return tokensIn;
    }

    /** Completion tokens, as the answers' usage reported them. */
    public long tokensOut() {
        return tokensOut;
    }

    public BreakerState breakerState() {
        return breakerState;
    }

    @Override
    public String toString() {
        return deployment + "{" + breakerState + ", requests=" + requests + ", ok=" + successes + ", errors=" + errorsByClass
                + ", cancelled=" + cancelled + ", inFlight=" + inFlight
                + ", p50=" + millis(latencyP50) + ", p99=" + millis(latencyP99)
                + (timeToFirstTokenP50 == null ? "" : ", ttft p50=" + millis(timeToFirstTokenP50))
                + ", tokens in/out=" + tokensIn + "/" + tokensOut + "}";
    }

    private static String millis(Duration d) {
        return d == null ? "-" : d.toMillis() + " ms";
    }
}
