package dev.switchboard.services.blocking.audio;

import dev.switchboard.core.RequestOptions;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateParams;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateResponse;

/** Transcriptions: audio to text. */
public interface TranscriptionService {

    default TranscriptionCreateResponse create(TranscriptionCreateParams params) {
        return create(params, RequestOptions.none());
    }

    TranscriptionCreateResponse create(TranscriptionCreateParams params, RequestOptions requestOptions);
}
