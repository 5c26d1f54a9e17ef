package dev.switchboard.services.blocking;

import dev.switchboard.core.RequestOptions;
import dev.switchboard.models.models.ModelListPage;
import dev.switchboard.models.models.ModelListParams;

/** Models: what the default endpoint serves. */
public interface ModelService {

    default ModelListPage list() {
        return list(ModelListParams.none());
    }

    default ModelListPage list(ModelListParams params) {
        return list(params, RequestOptions.none());
    }

    default ModelListPage list(RequestOptions requestOptions) {
        return list(ModelListParams.none(), requestOptions);
    }

    ModelListPage list(ModelListParams params, RequestOptions requestOptions);
}
