package dev.switchboard.services.async;

import dev.switchboard.client.internal.ClientCore;
import dev.switchboard.client.internal.RxBridge;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.models.images.ImageGenerateParams;
import dev.switchboard.models.images.ImagesResponse;
import java.util.concurrent.CompletableFuture;

/** Hands each call to the client's core; nothing else. */
public final class ImageServiceAsyncImpl implements ImageServiceAsync {
    private final ClientCore core;

    public ImageServiceAsyncImpl(ClientCore core) {
        this.core = core;
    }

    @Override
    public CompletableFuture<ImagesResponse> generate(ImageGenerateParams params, RequestOptions requestOptions) {
        return RxBridge.future(core.images(params, requestOptions));
    }
}
