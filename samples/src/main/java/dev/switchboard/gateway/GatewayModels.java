package dev.switchboard.gateway;

import dev.switchboard.core.JsonValue;
import dev.switchboard.models.models.Model;
import dev.switchboard.router.Deployment;
import dev.switchboard.router.Pool;
import dev.switchboard.router.Router;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model names the gateway answers to: each pool's name, and each deployment's real model,
 * which routes to the first pool that holds it (so a caller may name what it knows).
 */
final class GatewayModels {
    private final Map<String, String> poolOf = new LinkedHashMap<>();
    private final Map<String, Model> models = new LinkedHashMap<>();

    GatewayModels(Router router, long created) {
        for (Pool pool : router.pools().values()) {
            poolOf.put(pool.name(), pool.name());
            models.put(pool.name(), Model.builder().id(pool.name()).created(created).ownedBy("switchboard").build());
        }
        for (Pool pool : router.pools().values()) {
            for (Deployment d : pool.deployments()) {
                d.model().ifPresent(model -> {
                    if (poolOf.putIfAbsent(model, pool.name()) == null) {
                        models.put(model, Model.builder().id(model).created(created).ownedBy(d.kind()).build());
                    }
                });
            }
        }
    }

    /** The pool that serves {@code model}, or a 404 listing what there is. */
    String pool(String model) {
        String pool = poolOf.get(model);
        if (pool == null) throw GatewayError.unknownModel(model, names());
        return pool;
    }

    List<String> names() {
        return new ArrayList<>(poolOf.keySet());
    }

    JsonValue list() {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("object", "list");
        page.put("data", new ArrayList<>(models.values()));
        return JsonValue.from(page);
    }

    JsonValue get(String id) {
        Model model = models.get(id);
        if (model == null) throw GatewayError.unknownModel(id, names());
        return JsonValue.from(model);
    }
}
