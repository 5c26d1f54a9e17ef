package dev.switchboard.rx;

import dev.switchboard.client.internal.ClientCore;
import io.reactivex.rxjava3.core.Scheduler;

/** Audio: {@link #speech()} and {@link #transcriptions()}. */
public final class RxAudioService {
    private final RxSpeechService speech;
    private final RxTranscriptionService transcriptions;

    RxAudioService(ClientCore core, Scheduler scheduler) {
        this.speech = new RxSpeechService(core, scheduler);
        this.transcriptions = new RxTranscriptionService(core, scheduler);
    }

    public RxSpeechService speech() {
        return speech;
    }

    public RxTranscriptionService transcriptions() {
        return transcriptions;
    }
}
