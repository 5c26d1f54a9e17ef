package dev.switchboard.rx;

import dev.switchboard.client.internal.ClientCore;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.models.embeddings.CreateEmbeddingResponse;
import dev.switchboard.models.embeddings.EmbeddingCreateParams;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;

/** Embeddings: vectors for texts or token ids. */
public final class RxEmbeddingService {
    private final ClientCore core;
    private final Scheduler scheduler;

    RxEmbeddingService(ClientCore core, Scheduler scheduler) {
        this.core = core;
        this.scheduler = scheduler;
    }

    public Single<CreateEmbeddingResponse> create(EmbeddingCreateParams params) {
        return create(params, RequestOptions.none());
    }

    public Single<CreateEmbeddingResponse> create(EmbeddingCreateParams params, RequestOptions requestOptions) {
        return core.embeddings(params, requestOptions).subscribeOn(scheduler);
    }
}
