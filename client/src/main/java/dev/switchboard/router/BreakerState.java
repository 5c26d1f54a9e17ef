package dev.switchboard.router;

/**
 * Where a deployment's cooldown breaker stands. {@code CLOSED}: in rotation. {@code OPEN}: cooling
 * down, skipped until its cooldown ends. {@code HALF_OPEN}: the cooldown ended and trial calls decide
 * whether it comes back ({@code CLOSED}) or cools again ({@code OPEN}). {@code DISABLED}: no breaker
 * (the implicit pool of the default endpoint, which keeps the official SDK's behaviour).
 */
public enum BreakerState {
    CLOSED,
    OPEN,
    HALF_OPEN,
    DISABLED
}
