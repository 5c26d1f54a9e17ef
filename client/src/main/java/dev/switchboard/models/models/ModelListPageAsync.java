package dev.switchboard.models.models;

import dev.switchboard.core.AutoPagerAsync;
import dev.switchboard.core.PageAsync;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** The async twin of {@link ModelListPage}; the list comes in one page. */
public final class ModelListPageAsync implements PageAsync<Model> {
    private final ModelListParams params;
    private final List<Model> data;
    private final Executor streamHandlerExecutor;

    private ModelListPageAsync(ModelListParams params, List<Model> data, Executor streamHandlerExecutor) {
        this.params = params;
        this.data = List.copyOf(data);
        this.streamHandlerExecutor = streamHandlerExecutor;
    }

    public static ModelListPageAsync of(ModelListParams params, List<Model> data, Executor streamHandlerExecutor) {
        return new ModelListPageAsync(params, data, streamHandlerExecutor);
    }

    public List<Model> data() {
        return data;
    }

    @Override
    public List<Model> items() {
        return data;
    }

    @Override
    public boolean hasNextPage() {
        return false;
    }

    @Override
    public CompletableFuture<ModelListPageAsync> nextPage() {
        return CompletableFuture.failedFuture(
                new IllegalStateException("Cannot construct next page: the model list has one page"));
    }

    public AutoPagerAsync<Model> autoPager() {
        return AutoPagerAsync.from(this, streamHandlerExecutor);
    }

    public ModelListParams params() {
        return params;
    }

    @Override
    public String toString() {
        return "ModelListPageAsync{data=" + data + "}";
    }
}
