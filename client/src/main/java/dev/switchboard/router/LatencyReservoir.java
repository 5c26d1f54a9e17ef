package dev.switchboard.router;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** The last {@value #SIZE} latencies of a deployment, for percentiles. Not thread-safe: its owner locks. */
final class LatencyReservoir {
    static final int SIZE = 1024;

    private final long[] nanos = new long[SIZE];
    private long count;

    void add(Duration latency) {
        nanos[(int) (count++ % SIZE)] = latency.toNanos();
    }

    /** The latency under which {@code percent} of the samples fall; empty before the first sample. */
    Optional<Duration> percentile(double percent) {
        int n = (int) Math.min(count, SIZE);
        if (n == 0) return Optional.empty();
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100 * n) - 1;
        return Optional.of(Duration.ofNanos(sorted[Math.max(0, Math.min(n - 1, index))]));
    }
}
