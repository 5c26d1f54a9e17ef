package dev.switchboard.local.speech;

import dev.switchboard.backend.BackendErrors;
import dev.switchboard.core.http.HttpResponse;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.SingleEmitter;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okio.BufferedSink;
import okio.Okio;
import okio.Pipe;

/**
 * One call's synthesis, run on a worker thread: speaks the text, resamples to 24 kHz, and writes
 * the format's bytes into the response's pipe as they come. The response is handed to the caller
 * with the first audio, so a failure before any sound is an exception (which the router may fail
 * over) and a failure after it reaches the reader of the body.
 */
final class Synthesis implements Runnable {
    /**
     * Audio buffered ahead of the reader, at most: the longest input (4096 characters, about five
     * minutes of speech, 14 MB at 24 kHz) at the slowest speed (0.25) fits, so a slow reader does
     * not hold the engine, which calls share. Past it the engine waits for the reader.
     */
    private static final long BUFFER = 64L << 20;
    /** A reader that stops reading for this long without closing the body is given up on. */
    private static final long ABANDONED_SECONDS = 600;

    private final Synthesizer synthesizer;
    private final Scheduler handOff;
    private final SpeechRequest request;
    private final SingleEmitter<HttpResponse> emitter;
    private final Pipe pipe = new Pipe(BUFFER);
    private final SpeechResponse response;
    private final BufferedSink out;
    private Resampler resampler;
    private int inRate;
    private volatile boolean answered;
    private volatile boolean cancelled;

    Synthesis(Synthesizer synthesizer, SpeechRequest request, SingleEmitter<HttpResponse> emitter, Scheduler handOff) {
        this.handOff = handOff;
        this.synthesizer = synthesizer;
        this.request = request;
        this.emitter = emitter;
        this.response = new SpeechResponse(request.format, pipe);
        pipe.sink().timeout().timeout(ABANDONED_SECONDS, TimeUnit.SECONDS);
        this.out = Okio.buffer(pipe.sink());
    }

    /**
     * The caller went away before the audio began: stop at the next chunk. Rx also calls this right
     * after the answer is delivered; from then on only closing the body stops the engine.
     */
    void cancel() {
        if (!answered) cancelled = true;
    }

    @Override
    public void run() {
        if (cancelled) return;
        try {
            synthesizer.speak(request.voice, request.text, request.speed, this::accept);
            if (cancelled) return;
            if (resampler != null) write(resampler.finish());
            answer();
            out.close();
        } catch (IOException e) {
            // The reader closed the body: nothing is waiting for the audio.
        } catch (RuntimeException | Error e) {
            if (!answered) {
                emitter.tryOnError(BackendErrors.failed("The " + synthesizer.name() + " engine failed to speak: "
                        + e.getMessage(), e));
            } else {
                response.fail(e);
            }
        }
    }

    private boolean accept(short[] samples, int sampleRate) {
        if (cancelled) return false;
        if (resampler == null) {
            if (sampleRate < 4000 || sampleRate > 192_000) {
                throw new SynthesisException("the engine produced audio at " + sampleRate + " Hz");
            }
            inRate = sampleRate;
            resampler = new Resampler(sampleRate, AudioFormat.SAMPLE_RATE);
        } else if (sampleRate != inRate) {
            throw new SynthesisException("the engine changed its sample rate from " + inRate + " to " + sampleRate + " Hz");
        }
        try {
            write(resampler.process(samples));
            answer();
            out.flush();
            return true;
        } catch (IOException e) {
            cancelled = true; // the reader closed the body
            return false;
        }
    }

    private void write(short[] samples) throws IOException {
        if (!answered) out.write(request.format.header());
        out.write(AudioFormat.littleEndian(samples));
    }

    private void answer() throws IOException {
        if (answered) return;
        if (resampler == null) out.write(request.format.header()); // no sound at all: a header alone
        answered = true;
        out.flush();
        // Delivered from another thread: a caller that reads the body inside the callback (a
        // future's thenApply, an Rx map) would otherwise wait for audio this thread cannot write.
        // A caller gone meanwhile gets nothing, and closing the body stops the engine.
        handOff.scheduleDirect(() -> {
            if (emitter.isDisposed()) {
                response.close();
            } else {
                emitter.onSuccess(response);
            }
        });
    }
}
