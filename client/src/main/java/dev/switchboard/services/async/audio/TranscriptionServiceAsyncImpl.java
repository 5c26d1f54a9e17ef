package dev.switchboard.services.async.audio;

import dev.switchboard.client.internal.ClientCore;
import dev.switchboard.client.internal.RxBridge;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateParams;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateResponse;
import java.util.concurrent.CompletableFuture;

/** Hands each call to the client's core; nothing else. */
public final class TranscriptionServiceAsyncImpl implements TranscriptionServiceAsync {
    private final ClientCore core;

    public TranscriptionServiceAsyncImpl(ClientCore core) {
        this.core = core;
    }

    @Override
    public CompletableFuture<TranscriptionCreateResponse> create(TranscriptionCreateParams params, RequestOptions requestOptions) {
        return RxBridge.future(core.transcription(params, requestOptions));
    }
}
