package dev.switchboard.services.async.audio;

import dev.switchboard.core.RequestOptions;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateParams;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateResponse;
import java.util.concurrent.CompletableFuture;

/** Transcriptions, asynchronously. */
public interface TranscriptionServiceAsync {

    default CompletableFuture<TranscriptionCreateResponse> create(TranscriptionCreateParams params) {
        return create(params, RequestOptions.none());
    }

    CompletableFuture<TranscriptionCreateResponse> create(TranscriptionCreateParams params, RequestOptions requestOptions);
}
