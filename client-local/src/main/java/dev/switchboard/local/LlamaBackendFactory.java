package dev.switchboard.local;

import dev.switchboard.backend.Backend;
import dev.switchboard.backend.BackendContext;
import dev.switchboard.backend.BackendFactory;
import dev.switchboard.local.files.ModelRef;
import dev.switchboard.local.llama.LlamaBackend;
import dev.switchboard.router.Deployment;
import java.util.Set;

/**
 * Makes the backends of {@code engine: llama} deployments: llama.cpp running in this JVM. Found by
 * {@link java.util.ServiceLoader} when switchboard-client-local is on the class path. The options
 * are checked here, so a bad one fails when the router is built; the model loads on the first call.
 */
public final class LlamaBackendFactory implements BackendFactory {
    public static final String KIND = "llama";

    @Override
    public Set<String> kinds() {
        return Set.of(KIND);
    }

    @Override
    public Backend create(Deployment deployment, BackendContext context) {
        if (!KIND.equals(deployment.kind())) return null;
        LlamaOptions options = LlamaOptions.of(deployment);
        String model = deployment.model().filter(m -> !m.isBlank()).orElseThrow(() -> new IllegalArgumentException(
                "deployments." + deployment.name() + ".model must name the GGUF model file to run (a path or hf:owner/repo/file)"));
        try {
            ModelRef.parse(model);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("deployments." + deployment.name() + ".model: " + e.getMessage(), e);
        }
        return LlamaBackend.create(deployment.name(), model, options, context.clock());
    }

    @Override
    public String toString() {
        return "LlamaBackendFactory[llama]";
    }
}
