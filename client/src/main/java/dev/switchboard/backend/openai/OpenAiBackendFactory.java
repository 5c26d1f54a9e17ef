package dev.switchboard.backend.openai;

import dev.switchboard.backend.Backend;
import dev.switchboard.backend.BackendContext;
import dev.switchboard.backend.BackendFactory;
import dev.switchboard.router.Deployment;
import java.util.Set;

/**
 * Makes the backends of the remote kinds: every OpenAI-compatible server Switchboard knows by name,
 * each with its {@link BackendProfile} (health probe, capabilities, key header, honoured parameters).
 */
public final class OpenAiBackendFactory implements BackendFactory {
    static final Set<String> KINDS = BackendProfile.all().keySet();

    @Override
    public Set<String> kinds() {
        return KINDS;
    }

    @Override
    public Backend create(Deployment deployment, BackendContext context) {
        if (!KINDS.contains(deployment.kind())) return null;
        BackendProfile profile = BackendProfile.of(deployment.kind());
        OpenAiCompatibleBackend.Builder backend = OpenAiCompatibleBackend.builder()
                .name(deployment.kind())
                .profile(profile)
                .capabilities(profile.capabilitiesFor(deployment))
                .okHttpClient(context.httpClient());
        if (deployment.baseUrl().isPresent()) {
            backend.baseUrl(deployment.baseUrl().get());
        } else if (!deployment.kind().equals("openai")) {
            throw new IllegalArgumentException("deployments." + deployment.name() + ".base_url must be set for a "
                    + deployment.kind() + " server");
        }
        deployment.apiKey().ifPresent(backend::apiKey);
        return backend.build();
    }

    @Override
    public String toString() {
        return "OpenAiBackendFactory" + KINDS;
    }
}
