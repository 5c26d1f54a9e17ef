package dev.switchboard.services.async;

import dev.switchboard.client.internal.ClientCore;
import dev.switchboard.client.internal.RxBridge;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.models.models.ModelListPageAsync;
import dev.switchboard.models.models.ModelListParams;
import java.util.concurrent.CompletableFuture;

/** Hands each call to the client's core; nothing else. */
public final class ModelServiceAsyncImpl implements ModelServiceAsync {
    private final ClientCore core;

    public ModelServiceAsyncImpl(ClientCore core) {
        this.core = core;
    }

    @Override
    public CompletableFuture<ModelListPageAsync> list(ModelListParams params, RequestOptions requestOptions) {
        return RxBridge.future(core.models(params, requestOptions)
                .map(models -> ModelListPageAsync.of(params, models, core.streamHandlerExecutor())));
    }
}
