package dev.switchboard.local;

import dev.switchboard.backend.Backend;
import dev.switchboard.backend.BackendContext;
import dev.switchboard.backend.BackendFactory;
import dev.switchboard.local.files.ModelRef;
import dev.switchboard.local.whisper.WhisperBackend;
import dev.switchboard.router.Deployment;
import java.util.Set;

/**
 * Makes the backends of {@code engine: whisper} deployments: whisper.cpp 1.7.1 running in this JVM,
 * for transcriptions. Found by {@link java.util.ServiceLoader} when switchboard-client-local is on
 * the class path. The options are checked here, so a bad one fails when the router is built; the
 * model is checked and loaded on the first call.
 */
public final class WhisperBackendFactory implements BackendFactory {
    public static final String KIND = "whisper";

    @Override
    public Set<String> kinds() {
        return Set.of(KIND);
    }

    @Override
    public Backend create(Deployment deployment, BackendContext context) {
        if (!KIND.equals(deployment.kind())) return null;
        WhisperOptions options = WhisperOptions.of(deployment);
        String model = deployment.model().filter(m -> !m.isBlank()).orElseThrow(() -> new IllegalArgumentException(
                "deployments." + deployment.name() + ".model must name the whisper.cpp model file to run (a path or"
                        + " hf:owner/repo/file, e.g. hf:ggerganov/whisper.cpp/ggml-base.en.bin)"));
        try {
            ModelRef.parse(model);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("deployments." + deployment.name() + ".model: " + e.getMessage(), e);
        }
        return WhisperBackend.create(deployment.name(), model, options);
    }

    @Override
    public String toString() {
        return "WhisperBackendFactory[whisper]";
    }
}
