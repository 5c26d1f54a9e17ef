package dev.switchboard.services.blocking.audio;

import dev.switchboard.client.internal.ClientCore;
import dev.switchboard.client.internal.RxBridge;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateParams;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateResponse;

/** Hands each call to the client's core; nothing else. */
public final class TranscriptionServiceImpl implements TranscriptionService {
    private final ClientCore core;

    public TranscriptionServiceImpl(ClientCore core) {
        this.core = core;
    }

    @Override
    public TranscriptionCreateResponse create(TranscriptionCreateParams params, RequestOptions requestOptions) {
        return RxBridge.await(core.transcription(params, requestOptions));
    }
}
