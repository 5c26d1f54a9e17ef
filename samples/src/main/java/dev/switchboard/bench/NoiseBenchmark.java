package dev.switchboard.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The machine's own tail, measured as (a) is: a fixed busy loop of about a routing decision's length,
 * which allocates nothing and takes no lock, so what its p99 adds over its p50 is preemption by other
 * processes, the hypervisor, interrupts; and the same loop allocating what routing a call allocates,
 * whose tail adds the cost of allocation (TLAB refills, young collections, cache misses, which other
 * processes on the machine make worse). The report shows both beside (a) so a reader can tell the
 * code's tail from the machine's. It changes no target.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NoiseBenchmark {
    static final long TOKENS = 900;

    /** Objects of a routing call's typical size; the number makes about what routing a call allocates. */
    static final int OBJECTS = 64;

    @Benchmark
    public void busyLoop() {
        Blackhole.consumeCPU(TOKENS);
    }

    /** The same, allocating about 2 KB in small objects as routing a call does: the part of the tail that allocation costs here. */
    @Benchmark
    public void allocatingLoop(Blackhole sink) {
        Blackhole.consumeCPU(TOKENS);
        for (int i = 0; i < OBJECTS; i++) sink.consume(new Object[4]);
    }
}
