package dev.switchboard.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.backend.BackendFactory;
import dev.switchboard.router.Capability;
import dev.switchboard.router.Deployment;
import dev.switchboard.router.Pool;
import dev.switchboard.router.Router;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class LlamaBackendFactoryTest {
    @Test
    void theServiceLoaderFindsTheLlamaFactory() {
        assertThat(ServiceLoader.load(BackendFactory.class).stream().map(ServiceLoader.Provider::type))
                .contains(LlamaBackendFactory.class);
    }

    @Test
    void aRouterMakesALlamaBackendForAnEngineDeploymentWithoutLoadingItsModel() {
        Deployment local = Deployment.builder().name("local").kind("llama").model("./no-such-model.gguf").build();
        try (Router router = Router.builder().addPool(Pool.builder().name("chat").addDeployment(local).build()).build()) {
            assertThat(router.backend(local)).hasToString("llama(no-such-model)");
            assertThat(router.backend(local).capabilities())
                    .contains(Capability.CHAT, Capability.STREAMING, Capability.TOOLS, Capability.JSON_SCHEMA)
                    .doesNotContain(Capability.EMBEDDINGS);
        }
    }

    @Test
    void embeddingsAreOfferedWhenTheDeploymentAsksForThem() {
        Deployment local = Deployment.builder().name("local").kind("llama").model("./m.gguf")
                .putOption("embeddings", true).build();
        try (Router router = Router.builder().addPool(Pool.builder().name("e").addDeployment(local).build()).build()) {
            assertThat(router.backend(local).capabilities()).contains(Capability.EMBEDDINGS);
        }
    }

    @Test
    void otherKindsAreDeclined() {
        Deployment remote = Deployment.builder().name("r").kind("vllm").baseUrl("http://127.0.0.1:1/v1").build();
        assertThat(new LlamaBackendFactory().create(remote, null)).isNull();
    }

    @Test
    void aDeploymentWithoutAModelIsRefusedWhenTheRouterIsBuilt() {
        Deployment local = Deployment.builder().name("local").kind("llama").build();
        assertThatThrownBy(() -> Router.builder().addPool(Pool.builder().name("chat").addDeployment(local).build()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deployments.local.model must name the GGUF model file to run (a path or hf:owner/repo/file)");
    }
}
