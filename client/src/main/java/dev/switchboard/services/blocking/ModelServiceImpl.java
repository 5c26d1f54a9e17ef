package dev.switchboard.services.blocking;

import dev.switchboard.client.internal.ClientCore;
import dev.switchboard.client.internal.RxBridge;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.models.models.ModelListPage;
import dev.switchboard.models.models.ModelListParams;

/** Hands each call to the client's core; nothing else. */
public final class ModelServiceImpl implements ModelService {
    private final ClientCore core;

    public ModelServiceImpl(ClientCore core) {
        this.core = core;
    }

    @Override
    public ModelListPage list(ModelListParams params, RequestOptions requestOptions) {
        return ModelListPage.of(params, RxBridge.await(core.models(params, requestOptions)));
    }
}
