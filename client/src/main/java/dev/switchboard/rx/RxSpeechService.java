package dev.switchboard.rx;

import dev.switchboard.client.internal.ClientCore;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.core.http.HttpResponse;
import dev.switchboard.models.audio.speech.SpeechCreateParams;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.disposables.Disposable;

/** Speech: text to audio. */
public final class RxSpeechService {
    private final ClientCore core;
    private final Scheduler scheduler;

    RxSpeechService(ClientCore core, Scheduler scheduler) {
        this.core = core;
        this.scheduler = scheduler;
    }

    public Single<HttpResponse> create(SpeechCreateParams params) {
        return create(params, RequestOptions.none());
    }

    /**
     * The audio as a response whose body streams as it is produced; it succeeds when the audio
     * starts to arrive. The subscriber owns the response and closes it. Disposing before then cancels
     * the request; a response that arrives after disposal is closed, not leaked.
     */
    public Single<HttpResponse> create(SpeechCreateParams params, RequestOptions requestOptions) {
        Single<HttpResponse> call = core.speech(params, requestOptions).subscribeOn(scheduler);
        return Single.create(emitter -> {
            Disposable upstream = call.subscribe(response -> {
                if (emitter.isDisposed()) response.close();
                else emitter.onSuccess(response);
            }, emitter::tryOnError);
            emitter.setDisposable(upstream);
        });
    }
}
