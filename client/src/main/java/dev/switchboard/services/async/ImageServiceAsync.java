package dev.switchboard.services.async;

import dev.switchboard.core.RequestOptions;
import dev.switchboard.models.images.ImageGenerateParams;
import dev.switchboard.models.images.ImagesResponse;
import java.util.concurrent.CompletableFuture;

/** Images, asynchronously. */
public interface ImageServiceAsync {

    default CompletableFuture<ImagesResponse> generate(ImageGenerateParams params) {
        return generate(params, RequestOptions.none());
    }

    CompletableFuture<ImagesResponse> generate(ImageGenerateParams params, RequestOptions requestOptions);
}
