package dev.switchboard.services.blocking;

import dev.switchboard.client.internal.ClientCore;
import dev.switchboard.services.blocking.audio.SpeechService;
import dev.switchboard.services.blocking.audio.SpeechServiceImpl;
import dev.switchboard.services.blocking.audio.TranscriptionService;
import dev.switchboard.services.blocking.audio.TranscriptionServiceImpl;

public final class AudioServiceImpl implements AudioService {
    private final SpeechService speech;
    private final TranscriptionService transcriptions;

    public AudioServiceImpl(ClientCore core) {
        this.speech = new SpeechServiceImpl(core);
        this.transcriptions = new TranscriptionServiceImpl(core);
    }

    @Override
    public SpeechService speech() {
        return speech;
    }

    @Override
    public TranscriptionService transcriptions() {
        return transcriptions;
    }
}
