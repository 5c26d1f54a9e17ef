package dev.switchboard.local;

import dev.switchboard.backend.Backend;
import dev.switchboard.backend.BackendContext;
import dev.switchboard.backend.BackendFactory;
import dev.switchboard.local.speech.SpeechBackend;
import dev.switchboard.router.Deployment;
import java.util.Set;

/**
 * Makes the backends of {@code engine: speech} deployments: text to speech in this JVM, by flite or
 * FreeTTS. Found by {@link java.util.ServiceLoader}. No model file: the voices come with the engines,
 * so the deployment's {@code model} is only the name its answers carry.
 */
public final class SpeechBackendFactory implements BackendFactory {
    public static final String KIND = "speech";

    @Override
    public Set<String> kinds() {
        return Set.of(KIND);
    }

    @Override
    public Backend create(Deployment deployment, BackendContext context) {
        if (!KIND.equals(deployment.kind())) return null;
        return SpeechBackend.create(deployment.name(), SpeechOptions.of(deployment));
    }

    @Override
    public String toString() {
        return "SpeechBackendFactory[speech]";
    }
}
