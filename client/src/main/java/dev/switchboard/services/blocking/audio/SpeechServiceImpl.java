package dev.switchboard.services.blocking.audio;

import dev.switchboard.client.internal.ClientCore;
import dev.switchboard.client.internal.RxBridge;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.core.http.HttpResponse;
import dev.switchboard.models.audio.speech.SpeechCreateParams;

/** Hands each call to the client's core; nothing else. */
public final class SpeechServiceImpl implements SpeechService {
    private final ClientCore core;

    public SpeechServiceImpl(ClientCore core) {
        this.core = core;
    }

    @Override
    public HttpResponse create(SpeechCreateParams params, RequestOptions requestOptions) {
        return RxBridge.await(core.speech(params, requestOptions));
    }
}
