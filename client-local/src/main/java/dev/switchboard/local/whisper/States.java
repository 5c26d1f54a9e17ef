package dev.switchboard.local.whisper;

import dev.switchboard.backend.BackendErrors;
import io.github.givimad.whisperjni.WhisperState;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The whisper states of one loaded model, shared by every deployment naming it. A transcription
 * runs on a state of its own (whisper.cpp keeps each one's buffers and results there; running on
 * a context without one aborts the JVM), so at most as many run at once as there are states: up
 * to the largest {@code parallel} of those deployments, and fewer when ggml's process-wide context
 * table has no room for more (see {@link NativeWhisper}). States are made as first needed and
 * kept for the life of the process, so a new client on the same model reuses them. A call waits
 * only while fewer than its deployment's queue limit already wait, and fails at once with a 429
 * beyond it, so the router can try elsewhere.
 */
final class States {
    private final LoadedModel model;
    private final LinkedBlockingQueue<WhisperState> free = new LinkedBlockingQueue<>();
    private int limit;
    private int made;
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();

    States(LoadedModel model) {
        this.model = model;
    }

    /** Lets up to {@code parallel} transcriptions run at once (the pool only grows). */
    synchronized void allow(int parallel) {
        limit = Math.max(limit, parallel);
    }

    /** A state for one transcription, or null when {@code cancelled} turned true while waiting. */
    WhisperState acquire(int queueLimit, BooleanSupplier cancelled, String deployment) {
        WhisperState state = free.poll();
        if (state == null) state = make(deployment);
        if (state != null) {
            busy.incrementAndGet();
            return state;
        }
        if (waiting.incrementAndGet() > queueLimit) {
            waiting.decrementAndGet();
            throw BackendErrors.busy(deployment + ": all " + count() + " whisper states of its model are transcribing and "
                    + queueLimit + " calls already wait; try again shortly, or raise the deployment's parallel or queue option");
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

    /** A new state when the limit and ggml's table allow one; null to wait for a busy one instead. */
    private synchronized WhisperState make(String deployment) {
        if (made >= limit) return null;
        WhisperState state = NativeWhisper.newState(model.context);
        if (state == null && made == 0) {
            throw BackendErrors.failed(deployment + ": whisper.cpp could not make a state to transcribe on: ggml's table"
                    + " of " + NativeWhisper.CONTEXTS + " contexts is full (" + NativeWhisper.reservedNow() + " in use by"
                    + " the whisper models and states of this process), or memory ran out; load fewer whisper models");
        }
        if (state != null) made++;
        else limit = made; // no room for more: the states there are will do
        return state;
    }

    void release(WhisperState state) {
        busy.decrementAndGet();
        free.add(state);
    }

    synchronized int count() {
        return made;
    }

    int busy() {
        return busy.get();
    }

    int waiting() {
        return waiting.get();
    }
}
