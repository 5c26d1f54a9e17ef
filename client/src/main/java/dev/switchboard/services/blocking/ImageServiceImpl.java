package dev.switchboard.services.blocking;

import dev.switchboard.client.internal.ClientCore;
import dev.switchboard.client.internal.RxBridge;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.models.images.ImageGenerateParams;
import dev.switchboard.models.images.ImagesResponse;

/** Hands each call to the client's core; nothing else. */
public final class ImageServiceImpl implements ImageService {
    private final ClientCore core;

    public ImageServiceImpl(ClientCore core) {
        this.core = core;
    }

    @Override
    public ImagesResponse generate(ImageGenerateParams params, RequestOptions requestOptions) {
        return RxBridge.await(core.images(params, requestOptions));
    }
}
