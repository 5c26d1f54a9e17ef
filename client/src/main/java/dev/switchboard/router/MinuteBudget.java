package dev.switchboard.router;

import java.time.Instant;

/**
 * A deployment's requests and tokens in the current clock minute, against its {@code rpm} and
 * {@code tpm} limits (0: no limit). Tokens are taken as estimated when a call starts and corrected
 * to the answer's usage when it reports one.
 */
final class MinuteBudget {
    private final int rpm;
    private final int tpm;
    private long minute = Long.MIN_VALUE;
    private int requests;
    private long tokens;

    MinuteBudget(int rpm, int tpm) {
        this.rpm = rpm;
        this.tpm = tpm;
    }

    // A deployment without limits (the usual case) answers without its lock: the router asks every
    // deployment of the pool, twice per call, and the limits are final.

    /** Why a call of {@code callTokens} cannot start now, or null when it can. */
    String refusal(int callTokens, Instant now) {
        if (!limited()) return null;
        synchronized (this) {
            return refusalLocked(callTokens, now);
        }
    }

    boolean tryTake(int callTokens, Instant now) {
        if (!limited()) return true; // nothing to count against
        synchronized (this) {
            if (refusalLocked(callTokens, now) != null) return false;
            requests++;
            tokens += callTokens;
            return true;
        }
    }

    /** Corrects the minute's tokens by {@code delta} (usage minus estimate), if the minute has not turned. */
    void correct(long delta, Instant now) {
        if (!limited()) return;
        synchronized (this) {
            if (minuteOf(now) == minute) tokens = Math.max(0, tokens + delta);
        }
    }

    // Guarded by this.
    private String refusalLocked(int callTokens, Instant now) {
        roll(now);
        if (rpm > 0 && requests >= rpm) return "its " + rpm + " requests per minute are spent";
        // A call larger than the whole limit still runs in an empty minute, or it could never run.
        if (tpm > 0 && tokens > 0 && tokens + callTokens > tpm) {
            return "its " + tpm + " tokens per minute are spent (" + tokens + " used, this call needs about " + callTokens + ")";
        }
        return null;
    }

    boolean limited() {
        return rpm > 0 || tpm > 0;
    }

    /** When the next minute starts, and the budget with it. */
    static Instant nextMinute(Instant now) {
        return Instant.ofEpochSecond((minuteOf(now) + 1) * 60);
    }

    private void roll(Instant now) {
        long m = minuteOf(now);
        if (m != minute) {
            minute = m;
            requests = 0;
            tokens = 0;
        }
    }

    private static long minuteOf(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), 60);
    }
}
