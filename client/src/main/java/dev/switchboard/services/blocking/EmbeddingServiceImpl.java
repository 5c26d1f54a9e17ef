package dev.switchboard.services.blocking;

import dev.switchboard.client.internal.ClientCore;
import dev.switchboard.client.internal.RxBridge;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.models.embeddings.CreateEmbeddingResponse;
import dev.switchboard.models.embeddings.EmbeddingCreateParams;

/** Hands each call to the client's core; nothing else. */
public final class EmbeddingServiceImpl implements EmbeddingService {
    private final ClientCore core;

    public EmbeddingServiceImpl(ClientCore core) {
        this.core = core;
    }

    @Override
    public CreateEmbeddingResponse create(EmbeddingCreateParams params, RequestOptions requestOptions) {
        return RxBridge.await(core.embeddings(params, requestOptions));
    }
}
