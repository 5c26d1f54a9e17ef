package dev.switchboard.services.async;

import dev.switchboard.core.RequestOptions;
import dev.switchboard.models.embeddings.CreateEmbeddingResponse;
import dev.switchboard.models.embeddings.EmbeddingCreateParams;
import java.util.concurrent.CompletableFuture;

/** Embeddings, asynchronously. */
public interface EmbeddingServiceAsync {

    default CompletableFuture<CreateEmbeddingResponse> create(EmbeddingCreateParams params) {
        return create(params, RequestOptions.none());
    }

    CompletableFuture<CreateEmbeddingResponse> create(EmbeddingCreateParams params, RequestOptions requestOptions);
}
