package dev.switchboard.rx;

import dev.switchboard.client.internal.ClientCore;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.models.images.ImageGenerateParams;
import dev.switchboard.models.images.ImagesResponse;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;

/** Images: pictures from a prompt. */
public final class RxImageService {
    private final ClientCore core;
    private final Scheduler scheduler;

    RxImageService(ClientCore core, Scheduler scheduler) {
        this.core = core;
        this.scheduler = scheduler;
    }

    public Single<ImagesResponse> generate(ImageGenerateParams params) {
        return generate(params, RequestOptions.none());
    }

    public Single<ImagesResponse> generate(ImageGenerateParams params, RequestOptions requestOptions) {
        return core.images(params, requestOptions).subscribeOn(scheduler);
    }
}
