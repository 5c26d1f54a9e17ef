package dev.switchboard.rx;

import dev.switchboard.client.internal.ClientCore;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateParams;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateResponse;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;

/** Transcriptions: audio to text. */
public final class RxTranscriptionService {
    private final ClientCore core;
    private final Scheduler scheduler;

    RxTranscriptionService(ClientCore core, Scheduler scheduler) {
        this.core = core;
        this.scheduler = scheduler;
    }

    public Single<TranscriptionCreateResponse> create(TranscriptionCreateParams params) {
        return create(params, RequestOptions.none());
    }

    public Single<TranscriptionCreateResponse> create(TranscriptionCreateParams params, RequestOptions requestOptions) {
        return core.transcription(params, requestOptions).subscribeOn(scheduler);
    }
}
