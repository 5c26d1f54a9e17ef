package dev.switchboard.rx;

import dev.switchboard.client.internal.ClientCore;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.models.models.Model;
import dev.switchboard.models.models.ModelListParams;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;
import java.util.List;

/** Models: what the default endpoint serves. The list comes whole: the API does not page it. */
public final class RxModelService {
    private final ClientCore core;
    private final Scheduler scheduler;

    RxModelService(ClientCore core, Scheduler scheduler) {
        this.core = core;
        this.scheduler = scheduler;
    }

    public Single<List<Model>> list() {
        return list(ModelListParams.none(), RequestOptions.none());
    }

    public Single<List<Model>> list(ModelListParams params) {
        return list(params, RequestOptions.none());
    }

    public Single<List<Model>> list(RequestOptions requestOptions) {
        return list(ModelListParams.none(), requestOptions);
    }

    public Single<List<Model>> list(ModelListParams params, RequestOptions requestOptions) {
        return core.models(params, requestOptions).subscribeOn(scheduler);
    }
}
