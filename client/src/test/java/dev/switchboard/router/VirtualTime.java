package dev.switchboard.router;

import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/** One virtual time for a router: its scheduler's timers and its clock move together, only when a test says. */
final class VirtualTime extends Clock {
    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    final TestScheduler scheduler = new TestScheduler();

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return START.plusNanos(scheduler.now(TimeUnit.NANOSECONDS));
    }

    void advance(Duration duration) {
        scheduler.advanceTimeBy(duration.toNanos(), TimeUnit.NANOSECONDS);
    }

    void advanceSeconds(long seconds) {
        advance(Duration.ofSeconds(seconds));
    }

    /** Runs what is due now without moving time. */
    void runDue() {
        scheduler.triggerActions();
    }
}
