package dev.switchboard.router;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What an OpenAI-compatible endpoint answered when asked for its models: whether it is reachable,
 * whether it took the key, and what it said. Made by {@link Router#checkEndpoint(String, String)},
 * which never throws for a server that is down: that is an answer too.
 */
public final class EndpointCheck {
    /** The four answers an endpoint can give. */
    public enum Status {
        /** It listed its models: reachable, and the key (if any) accepted. */
        OK,
        /** It answered 401 or 403: reachable, but the key was refused or is missing. */
        UNAUTHORIZED,
        /** It answered, but with another error status or a body that is no model list. */
        ERROR,
        /** No answer: connection refused or reset, unknown host, or timed out. */
        UNREACHABLE
    }

    private final String baseUrl;
    private final Status status;
    private final int statusCode;
    private final List<String> modelIds;
    private final Duration latency;
    private final String message;
    private final Throwable error;

    EndpointCheck(String baseUrl, Status status, int statusCode, List<String> modelIds, Duration latency,
            String message, Throwable error) {
        this.baseUrl = baseUrl;
        this.status = Objects.requireNonNull(status, "status");
        this.statusCode = statusCode;
        this.modelIds = List.copyOf(modelIds);
        this.latency = latency;
        this.message = message;
        this.error = error;
    }

    /** The endpoint checked, as given (the key is never part of it). */
    public String baseUrl() {
        return baseUrl;
    }

    public Status status() {
        return status;
    }

    /** Whether the server answered at all. */
    public boolean isReachable() {
        return status != Status.UNREACHABLE;
    }

    /** Whether the server took the key: it listed its models. */
    public boolean isAuthorized() {
        return status == Status.OK;
    }

    /** The HTTP status it answered with; empty when it did not answer. */
    public OptionalInt statusCode() {
        return statusCode > 0 ? OptionalInt.of(statusCode) : OptionalInt.empty();
    }

    /** The ids of the models it listed; empty unless {@link Status#OK}. */
    public List<String> modelIds() {
        return modelIds;
    }

    /** How long the check took, answer or not. */
    public Duration latency() {
        return latency;
    }

    /** What happened, in a sentence for people: what it listed, or the error it answered with. */
    public String message() {
        return message;
    }

    /** The failure behind any status but {@link Status#OK}. */
    public Optional<Throwable> error() {
        return Optional.ofNullable(error);
    }

    @Override
    public String toString() {
        return baseUrl + ": " + status + " in " + latency.toMillis() + " ms (" + message + ")";
    }
}
