package dev.switchboard.services.blocking;

import dev.switchboard.core.RequestOptions;
import dev.switchboard.models.embeddings.CreateEmbeddingResponse;
import dev.switchboard.models.embeddings.EmbeddingCreateParams;

/** Embeddings: vectors for texts or token ids. */
public interface EmbeddingService {

    default CreateEmbeddingResponse create(EmbeddingCreateParams params) {
        return create(params, RequestOptions.none());
    }

    CreateEmbeddingResponse create(EmbeddingCreateParams params, RequestOptions requestOptions);
}
