package dev.switchboard.local;

import dev.switchboard.backend.Backend;
import dev.switchboard.backend.BackendContext;
import dev.switchboard.backend.BackendFactory;
import dev.switchboard.local.diffusion.DiffusionBackend;
import dev.switchboard.router.Deployment;
import java.util.Set;

/**
 * Makes the backends of {@code engine: diffusion} deployments: a Stable Diffusion 1.5 ONNX pipeline
 * on ONNX Runtime in this JVM. Found by {@link java.util.ServiceLoader} when switchboard-client-local
 * is on the class path. The options are checked here, so a bad one fails when the router is built;
 * the model loads on the first call.
 */
public final class DiffusionBackendFactory implements BackendFactory {
    public static final String KIND = "diffusion";

    @Override
    public Set<String> kinds() {
        return Set.of(KIND);
    }

    @Override
    public Backend create(Deployment deployment, BackendContext context) {
        if (!KIND.equals(deployment.kind())) return null;
        DiffusionOptions options = DiffusionOptions.of(deployment);
        String model = deployment.model().filter(m -> !m.isBlank()).orElseThrow(() -> new IllegalArgumentException(
                "deployments." + deployment.name() + ".model must name the model folder in the Stable Diffusion 1.5 ONNX"
                        + " layout (a path or hf:owner/repo)"));
        if (!model.equals(model.strip())) {
            throw new IllegalArgumentException("deployments." + deployment.name() + ".model '" + model
                    + "' starts or ends with spaces: remove them");
        }
        return DiffusionBackend.create(deployment.name(), model, options, context.clock());
    }

    @Override
    public String toString() {
        return "DiffusionBackendFactory[diffusion]";
    }
}
