package dev.switchboard.local.llama;

import dev.switchboard.backend.BackendErrors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The parallel slots of one loaded model, and the calls waiting for one. llama.cpp queues tasks
 * beyond its slots without bound; here a call waits only while fewer than the deployment's queue
 * limit already wait, and fails at once with a 429 beyond it, so the router can try elsewhere.
 */
final class Slots {
    private final Semaphore free;
    private final int count;
    private final AtomicInteger waiting = new AtomicInteger();

    Slots(int count) {
        this.count = count;
        this.free = new Semaphore(count, true);
    }

    /**
     * Takes a slot, waiting while {@code cancelled} stays false; returns false when cancelled first.
     * Throws a 429 when {@code queueLimit} calls already wait.
     */
    boolean acquire(int queueLimit, BooleanSupplier cancelled, String deployment) {
        if (free.tryAcquire()) return true;
        if (waiting.incrementAndGet() > queueLimit) {
            waiting.decrementAndGet();
            throw BackendErrors.busy(deployment + ": all " + count + " slots are generating and " + queueLimit
                    + " calls already wait; try again shortly, or raise the deployment's parallel or queue option");
        }
        try {
            while (!cancelled.getAsBoolean()) {
                if (free.tryAcquire(50, TimeUnit.MILLISECONDS)) return true;
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }

    void release() {
        free.release();
    }

    int busy() {
        return count - free.availablePermits();
    }

    int waiting() {
        return waiting.get();
    }

    int count() {
        return count;
    }
}
