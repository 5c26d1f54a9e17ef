package dev.switchboard.router;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's listeners as one: each event goes to every listener in order, and a listener that
 * throws is logged (once at WARN, later at DEBUG) and ignored, so it can never break a call.
 */
final class GuardedListener implements RouterListener {
    private static final Logger log = LoggerFactory.getLogger(Router.class);

    private final List<RouterListener> listeners;
    private final Set<RouterListener> warned = ConcurrentHashMap.newKeySet();

    GuardedListener(List<RouterListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    private void each(String event, Consumer<RouterListener> call) {
        for (RouterListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException | LinkageError e) {
                if (warned.add(listener)) {
                    log.warn("Router listener {} threw from {}; it is ignored", listener, event, e);
                } else {
                    log.debug("Router listener {} threw from {}; it is ignored", listener, event, e);
                }
            }
        }
    }

    @Override
    public void callStart(RouterCall call) {
        each("callStart", l -> l.callStart(call));
    }

    @Override
    public void deploymentSkipped(RouterCall call, Deployment deployment, String reason) {
        each("deploymentSkipped", l -> l.deploymentSkipped(call, deployment, reason));
    }

    @Override
    public void attemptStart(RouterCall call, Deployment deployment, int attempt) {
        each("attemptStart", l -> l.attemptStart(call, deployment, attempt));
    }

    @Override
    public void firstChunk(RouterCall call, Deployment deployment, Duration timeToFirstToken) {
        each("firstChunk", l -> l.firstChunk(call, deployment, timeToFirstToken));
    }

    @Override
    public void tokens(RouterCall call, Deployment deployment, long input, long output) {
        each("tokens", l -> l.tokens(call, deployment, input, output));
    }

    @Override
    public void attemptEnd(RouterCall call, Deployment deployment, Duration latency) {
        each("attemptEnd", l -> l.attemptEnd(call, deployment, latency));
    }

    @Override
    public void attemptFailed(RouterCall call, Deployment deployment, Throwable failure, boolean willRetry) {
        each("attemptFailed", l -> l.attemptFailed(call, deployment, failure, willRetry));
    }

    @Override
    public void attemptCancelled(RouterCall call, Deployment deployment) {
        each("attemptCancelled", l -> l.attemptCancelled(call, deployment));
    }

    @Override
    public void callEnd(RouterCall call, Duration duration) {
        each("callEnd", l -> l.callEnd(call, duration));
    }

    @Override
    public void callFailed(RouterCall call, Throwable failure) {
        each("callFailed", l -> l.callFailed(call, failure));
    }

    @Override
    public void callCancelled(RouterCall call) {
        each("callCancelled", l -> l.callCancelled(call));
    }

    @Override
    public void breakerStateChanged(Deployment deployment, BreakerState from, BreakerState to) {
        each("breakerStateChanged", l -> l.breakerStateChanged(deployment, from, to));
    }

    @Override
    public void cooldownEntered(Deployment deployment, Instant until, Throwable cause) {
        each("cooldownEntered", l -> l.cooldownEntered(deployment, until, cause));
    }

    @Override
    public void cooldownLeft(Deployment deployment, BreakerState now) {
        each("cooldownLeft", l -> l.cooldownLeft(deployment, now));
    }

    @Override
    public String toString() {
        return "GuardedListener" + listeners;
    }
}
