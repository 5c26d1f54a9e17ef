package dev.switchboard.services.async;

import dev.switchboard.core.RequestOptions;
import dev.switchboard.models.models.ModelListPageAsync;
import dev.switchboard.models.models.ModelListParams;
import java.util.concurrent.CompletableFuture;

/** Models, asynchronously. */
public interface ModelServiceAsync {

    default CompletableFuture<ModelListPageAsync> list() {
        return list(ModelListParams.none());
    }

    default CompletableFuture<ModelListPageAsync> list(ModelListParams params) {
        return list(params, RequestOptions.none());
    }

    default CompletableFuture<ModelListPageAsync> list(RequestOptions requestOptions) {
        return list(ModelListParams.none(), requestOptions);
    }

    CompletableFuture<ModelListPageAsync> list(ModelListParams params, RequestOptions requestOptions);
}
