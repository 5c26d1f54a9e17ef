package dev.switchboard.backend;

import java.util.Objects;
import java.util.Optional;

/**
 * What one health probe of a backend found: {@linkplain Status#HEALTHY healthy}, up but
 * {@linkplain Status#NOT_READY not ready} (a model still loading, a key refused, a failing engine),
 * or {@linkplain Status#UNREACHABLE unreachable} (refused, reset, timed out). Only a healthy backend
 * should be given calls.
 */
public final class Health {
    /** The three answers a probe can give. */
    public enum Status {
        HEALTHY,
        NOT_READY,
        UNREACHABLE
    }

    private final Status status;
    private final String detail;
    private final Throwable cause;

    private Health(Status status, String detail, Throwable cause) {
        this.status = status;
        this.detail = Objects.requireNonNull(detail, "detail");
        this.cause = cause;
    }

    /** A backend ready for calls; {@code detail} says what the probe saw, such as {@code GET /health answered 200}. */
    public static Health healthy(String detail) {
        return new Health(Status.HEALTHY, detail, null);
    }

    /**
     * A backend that answered but cannot take calls yet or at all; {@code reason} says why, in the
     * server's words where it gave any, and {@code cause} is the error it answered with, if any.
     */
    public static Health notReady(String reason, Throwable cause) {
        return new Health(Status.NOT_READY, reason, cause);
    }

    /** A backend the probe could not reach, or that did not answer in time. */
    public static Health unreachable(String detail, Throwable cause) {
        return new Health(Status.UNREACHABLE, detail, Objects.requireNonNull(cause, "cause"));
    }

    public Status status() {
        return status;
    }

    public boolean isHealthy() {
        return status == Status.HEALTHY;
    }

    /** What the probe saw, for logs and messages; never a credential. */
    public String detail() {
        return detail;
    }

    /** The failure behind a backend that is not healthy, when there was one. */
    public Optional<Throwable> cause() {
        return Optional.ofNullable(cause);
    }

    @Override
    public String toString() {
        return status + " (" + detail + ")";
    }
}
