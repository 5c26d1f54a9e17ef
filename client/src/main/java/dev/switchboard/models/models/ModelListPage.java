package dev.switchboard.models.models;

import dev.switchboard.core.AutoPager;
import dev.switchboard.core.Page;
import java.util.List;

/**
 * The models of an endpoint, or the pools of a router with their real models. The list comes in one
 * page: the API does not paginate it.
 */
public final class ModelListPage implements Page<Model> {
    private final ModelListParams params;
    private final List<Model> data;

    private ModelListPage(ModelListParams params, List<Model> data) {
        this.params = params;
        this.data = List.copyOf(data);
    }

    public static ModelListPage of(ModelListParams params, List<Model> data) {
        return new ModelListPage(params, data);
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
    public ModelListPage nextPage() {
        throw new IllegalStateException("Cannot construct next page: the model list has one page");
    }

    public AutoPager<Model> autoPager() {
        return AutoPager.from(this);
    }

    public ModelListParams params() {
        return params;
    }

    @Override
    public String toString() {
        return "ModelListPage{data=" + data + "}";
    }
}
