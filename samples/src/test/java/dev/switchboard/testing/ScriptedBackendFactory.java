package dev.switchboard.testing;

import dev.switchboard.backend.Backend;
import dev.switchboard.backend.BackendContext;
import dev.switchboard.backend.BackendFactory;
import dev.switchboard.router.Deployment;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code engine: scripted} in a router config: a {@link ScriptedBackend} answering {@code reply}
 * (option), failing as {@code fail} says (down, bad_request, timeout), unhealthy with
 * {@code healthy: false}. Registered through ServiceLoader for the tests only.
 */
public final class ScriptedBackendFactory implements BackendFactory {
    /** The backends made, by deployment name, for tests that look at what they were asked. */
    public static final Map<String, ScriptedBackend> MADE = new ConcurrentHashMap<>();

    @Override
    public Set<String> kinds() {
        return Set.of("scripted");
    }

    @Override
    public Backend create(Deployment deployment, BackendContext context) {
        if (!deployment.kind().equals("scripted")) return null;
        Map<String, Object> options = deployment.options();
        ScriptedBackend backend = ScriptedBackend.everything(deployment.name(),
                String.valueOf(options.getOrDefault("reply", "Hello from " + deployment.name())));
        Object fail = options.get("fail");
        if (fail != null) backend.failing(ScriptedBackend.Failure.valueOf(fail.toString().toUpperCase(Locale.ROOT)));
        if ("false".equals(String.valueOf(options.get("healthy")))) backend.healthy(false);
        MADE.put(deployment.name(), backend);
        return backend;
    }
}
