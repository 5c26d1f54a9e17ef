package dev.switchboard.local.whisper;

import io.github.givimad.whisperjni.WhisperState;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The whisper states of one deployment: a transcription runs on a state of its own (whisper.cpp
 * keeps each one's buffers and results there; running on the context's shared state aborts the JVM),
 * so at most {@code count} run at once. States are made as first needed and kept for reuse. A call
 * waits only while fewer than the deployment's queue limit already wait, and fails at once with a
 * 429 beyond it, so the router can try elsewhere.
 */
final class States {
    private final LoadedModel model;
    private final int count;
    private final BlockingQueue<WhisperState> free;
    private final AtomicInteger made = new AtomicInteger();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();

    States(LoadedModel model, int count) {
        this.model = model;
        this.count = count;
        this.free = new ArrayBlockingQueue<>(count);
    }

    /** A state for one transcription, or null when {@code cancelled} turned true while waiting. */
    WhisperState acquire(int queueLimit, BooleanSupplier cancelled, String deployment) {
        WhisperState state = take(deployment);
        if (state != null) return state;
        if (waiting.incrementAndGet() > queueLimit) {
            waiting.decrementAndGet();
            throw Failures.busy(deployment + ": all " + count + " whisper states are transcribing and " + queueLimit
                    + " calls already wait; try again shortly, or raise the deployment's parallel or queue option");
        }
        try {
            while (!cancelled.getAsBoolean()) {
                state = free.poll(50, TimeUnit.MILLISECONDS);
                if (state != null) {
                    busy.incrementAndGet();
                    return state;
                }
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            waiting.decrementAndGet();
        }
    }

    private WhisperState take(String deployment) {
        WhisperState state = free.poll();
        if (state == null) {
            int n = made.get();
            while (n < count && !made.compareAndSet(n, n + 1)) n = made.get();
            if (n >= count) return null;
            state = NativeWhisper.newState(model.context);
            if (state == null) {
                made.decrementAndGet();
                throw Failures.engineFailed(deployment + ": whisper.cpp could not make a state for a transcription"
                        + " (out of memory?)");
            }
        }
        busy.incrementAndGet();
        return state;
    }

    void release(WhisperState state) {
        busy.decrementAndGet();
        free.add(state);
    }

    LoadedModel model() {
        return model;
    }

    int count() {
        return count;
    }

    int busy() {
        return busy.get();
    }

    int waiting() {
        return waiting.get();
    }
}
