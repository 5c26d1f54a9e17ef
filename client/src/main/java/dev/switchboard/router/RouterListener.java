package dev.switchboard.router;

import java.time.Duration;
import java.time.Instant;

/**
 * Hears what the router does, in the manner of OkHttp's {@code EventListener}: every method has an
 * empty default, so listeners grow without breaking. Events of a call come in this order:
 *
 * <pre>
 * callStart
 *   deploymentSkipped*                      (a deployment left out, and why)
 *   attemptStart                            (the deployment chosen)
 *     firstChunk?                           (streams)
 *     tokens?                               (the answer's usage, when it reports one)
 *   attemptEnd | attemptFailed | attemptCancelled
 *   … further attempts …
 * callEnd | callFailed | callCancelled
 * </pre>
 *
 * Breaker events ({@code breakerStateChanged}, {@code cooldownEntered}, {@code cooldownLeft}) come
 * when they happen, from any thread. Methods must be quick and must not block; an exception thrown by
 * a listener is logged and ignored.
 */
public interface RouterListener {

    default void callStart(RouterCall call) {}

    /** {@code deployment} was not tried now; {@code reason} says why (cooling down, over its limits, …). */
    default void deploymentSkipped(RouterCall call, Deployment deployment, String reason) {}

    /** Attempt number {@code attempt} (1 for the first) goes to {@code deployment}. */
    default void attemptStart(RouterCall call, Deployment deployment, int attempt) {}

    /** The first item of a stream arrived, {@code timeToFirstToken} after its attempt started. */
    default void firstChunk(RouterCall call, Deployment deployment, Duration timeToFirstToken) {}

    /** The answer's usage: prompt tokens in, completion tokens out. */
    default void tokens(RouterCall call, Deployment deployment, long input, long output) {}

    default void attemptEnd(RouterCall call, Deployment deployment, Duration latency) {}

    /** The attempt failed; {@code willRetry} says whether the call goes on with another attempt. */
    default void attemptFailed(RouterCall call, Deployment deployment, Throwable failure, boolean willRetry) {}

    /** The caller cancelled the call while this attempt ran. */
    default void attemptCancelled(RouterCall call, Deployment deployment) {}

    default void callEnd(RouterCall call, Duration duration) {}

    default void callFailed(RouterCall call, Throwable failure) {}

    default void callCancelled(RouterCall call) {}

    default void breakerStateChanged(Deployment deployment, BreakerState from, BreakerState to) {}

    /** {@code deployment} is out of rotation until {@code until}; {@code cause} is the failure that cooled it, if any. */
    default void cooldownEntered(Deployment deployment, Instant until, Throwable cause) {}

    /** The cooldown of {@code deployment} ended: it takes trial calls ({@code HALF_OPEN}) or all calls ({@code CLOSED}). */
    default void cooldownLeft(Deployment deployment, BreakerState now) {}
}
