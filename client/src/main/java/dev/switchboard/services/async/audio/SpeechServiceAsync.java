package dev.switchboard.services.async.audio;

import dev.switchboard.core.RequestOptions;
import dev.switchboard.core.http.HttpResponse;
import dev.switchboard.models.audio.speech.SpeechCreateParams;
import java.util.concurrent.CompletableFuture;

/** Speech, asynchronously. */
public interface SpeechServiceAsync {

    default CompletableFuture<HttpResponse> create(SpeechCreateParams params) {
        return create(params, RequestOptions.none());
    }

    /** Completes when the audio starts to arrive; its body streams. Close it when done. */
    CompletableFuture<HttpResponse> create(SpeechCreateParams params, RequestOptions requestOptions);
}
