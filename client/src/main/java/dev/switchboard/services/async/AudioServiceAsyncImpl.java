package dev.switchboard.services.async;

import dev.switchboard.client.internal.ClientCore;
import dev.switchboard.services.async.audio.SpeechServiceAsync;
import dev.switchboard.services.async.audio.SpeechServiceAsyncImpl;
import dev.switchboard.services.async.audio.TranscriptionServiceAsync;
import dev.switchboard.services.async.audio.TranscriptionServiceAsyncImpl;

public final class AudioServiceAsyncImpl implements AudioServiceAsync {
    private final SpeechServiceAsync speech;
    private final TranscriptionServiceAsync transcriptions;

    public AudioServiceAsyncImpl(ClientCore core) {
        this.speech = new SpeechServiceAsyncImpl(core);
        this.transcriptions = new TranscriptionServiceAsyncImpl(core);
    }

    @Override
    public SpeechServiceAsync speech() {
        return speech;
    }

    @Override
    public TranscriptionServiceAsync transcriptions() {
        return transcriptions;
    }
}
