package dev.switchboard.services.async.audio;

import dev.switchboard.client.internal.ClientCore;
import dev.switchboard.client.internal.RxBridge;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.core.http.HttpResponse;
import dev.switchboard.models.audio.speech.SpeechCreateParams;
import java.util.concurrent.CompletableFuture;

/** Hands each call to the client's core; nothing else. */
public final class SpeechServiceAsyncImpl implements SpeechServiceAsync {
    private final ClientCore core;

    public SpeechServiceAsyncImpl(ClientCore core) {
        this.core = core;
    }

    @Override
    public CompletableFuture<HttpResponse> create(SpeechCreateParams params, RequestOptions requestOptions) {
        return RxBridge.future(core.speech(params, requestOptions));
    }
}
