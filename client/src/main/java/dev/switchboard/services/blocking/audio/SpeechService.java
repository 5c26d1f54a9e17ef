package dev.switchboard.services.blocking.audio;

import dev.switchboard.core.RequestOptions;
import dev.switchboard.core.http.HttpResponse;
import dev.switchboard.models.audio.speech.SpeechCreateParams;

/** Speech: text to audio. */
public interface SpeechService {

    default HttpResponse create(SpeechCreateParams params) {
        return create(params, RequestOptions.none());
    }

    /** The audio as a response whose body streams as it is produced; close it when done. */
    HttpResponse create(SpeechCreateParams params, RequestOptions requestOptions);
}
