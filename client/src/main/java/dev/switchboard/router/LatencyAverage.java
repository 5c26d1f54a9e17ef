package dev.switchboard.router;

import java.util.OptionalDouble;

/** An exponentially weighted moving average of latency samples: recent answers count most. */
final class LatencyAverage {
    /** The weight of the newest sample: about the last five answers decide. */
    private static final double ALPHA = 0.3;

    private double millis;
    private boolean measured;

    synchronized void add(double sampleMillis) {
        millis = measured ? ALPHA * sampleMillis + (1 - ALPHA) * millis : sampleMillis;
        measured = true;
    }

    synchronized OptionalDouble millis() {
        return measured ? OptionalDouble.of(millis) : OptionalDouble.empty();
    }
}
