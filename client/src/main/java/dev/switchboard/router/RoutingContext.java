package dev.switchboard.router;

import java.util.OptionalDouble;

/** What a strategy may know about the call and the deployments when it orders them. */
public interface RoutingContext {

    /** What the call needs. */
    Capability capability();

    /** The pool the call was routed to. */
    Pool pool();

    /** Whether the call streams (lowest latency then means time to first token). */
    boolean streaming();

    /** The prompt's size in tokens, estimated from its text. */
    int estimatedPromptTokens();

    /** Calls of this deployment in flight now, across all pools. */
    int inFlight(Deployment deployment);

    /**
     * The deployment's recent latency, smoothed (EWMA): milliseconds to the first chunk for streams,
     * milliseconds per output token for whole answers. Empty until it has answered such a call.
     */
    OptionalDouble latencyMillis(Deployment deployment, boolean streaming);

    /** A uniformly distributed number in [0, 1), from the router's (injectable) source. */
    double random();
}
