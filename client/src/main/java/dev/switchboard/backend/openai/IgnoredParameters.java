package dev.switchboard.backend.openai;

import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonValue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns when a chat request carries a sampling parameter its server will drop without a word (such
 * as {@code top_k} sent to Ollama's /v1): the answer comes back fine, only differently sampled than
 * the caller asked. One warning per deployment and parameter, so a busy deployment does not flood
 * the log.
 */
final class IgnoredParameters {
    private static final Logger log = LoggerFactory.getLogger(OpenAiCompatibleBackend.class);

    private final BackendProfile profile;
    private final String deployment;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    IgnoredParameters(BackendProfile profile, String deployment) {
        this.profile = profile;
        this.deployment = deployment;
    }

    /** Looks at the top-level properties of a chat request body. */
    void check(JsonValue body) {
        if (!profile.ignoresUnknownParameters() || !(body instanceof JsonObject)) return;
        for (String name : ((JsonObject) body).values().keySet()) {
            if (profile.dropsSilently(name) && warned.add(name)) {
                log.warn("{} ignores '{}': {} does not read it from a chat request and drops it silently, so the answer"
                        + " is sampled without it. It honours {}. Send it only to deployments whose kind reads it"
                        + " (this warning is given once per deployment and parameter).",
                        deployment, name, profile.serverName(), honoured());
            }
        }
    }

    private String honoured() {
        Set<String> names = profile.honouredSamplingParameters();
        return names.isEmpty() ? "none of the extra sampling parameters" : new java.util.TreeSet<>(names).toString();
    }
}
