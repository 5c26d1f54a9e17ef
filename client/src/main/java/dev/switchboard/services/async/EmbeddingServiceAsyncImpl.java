package dev.switchboard.services.async;

import dev.switchboard.client.internal.ClientCore;
import dev.switchboard.client.internal.RxBridge;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.models.embeddings.CreateEmbeddingResponse;
import dev.switchboard.models.embeddings.EmbeddingCreateParams;
import java.util.concurrent.CompletableFuture;

/** Hands each call to the client's core; nothing else. */
public final class EmbeddingServiceAsyncImpl implements EmbeddingServiceAsync {
    private final ClientCore core;

    public EmbeddingServiceAsyncImpl(ClientCore core) {
        this.core = core;
    }

    @Override
    public CompletableFuture<CreateEmbeddingResponse> create(EmbeddingCreateParams params, RequestOptions requestOptions) {
        return RxBridge.future(core.embeddings(params, requestOptions));
    }
}
