package dev.switchboard.services.blocking;

import dev.switchboard.core.RequestOptions;
import dev.switchboard.models.images.ImageGenerateParams;
import dev.switchboard.models.images.ImagesResponse;

/** Images: pictures from a prompt. */
public interface ImageService {

    default ImagesResponse generate(ImageGenerateParams params) {
        return generate(params, RequestOptions.none());
    }

    ImagesResponse generate(ImageGenerateParams params, RequestOptions requestOptions);
}
