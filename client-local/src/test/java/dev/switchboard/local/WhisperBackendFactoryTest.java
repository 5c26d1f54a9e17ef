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

class WhisperBackendFactoryTest {
    @Test
    void theServiceLoaderFindsTheWhisperFactory() {
        assertThat(ServiceLoader.load(BackendFactory.class).stream().map(ServiceLoader.Provider::type))
                .contains(WhisperBackendFactory.class);
    }

    @Test
    void aRouterMakesAWhisperBackendForAnEngineDeploymentWithoutLoadingItsModel() {
        Deployment local = Deployment.builder().name("local").kind("whisper").model("./no-such-model.bin").build();
        try (Router router = Router.builder().addPool(Pool.builder().name("transcription").addDeployment(local).build()).build()) {
            assertThat(router.backend(local)).hasToString("whisper(no-such-model)");
            assertThat(router.backend(local).capabilities()).containsExactly(Capability.TRANSCRIPTION);
        }
    }

    @Test
    void otherKindsAreDeclined() {
        Deployment llama = Deployment.builder().name("l").kind("llama").model("./m.gguf").build();
        assertThat(new WhisperBackendFactory().create(llama, null)).isNull();
    }

    @Test
    void aDeploymentWithoutAModelIsRefusedWhenTheRouterIsBuilt() {
        Deployment local = Deployment.builder().name("local").kind("whisper").build();
        assertThatThrownBy(() -> Router.builder().addPool(Pool.builder().name("t").addDeployment(local).build()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deployments.local.model must name the whisper.cpp model file to run (a path or"
                        + " hf:owner/repo/file, e.g. hf:ggerganov/whisper.cpp/ggml-base.en.bin)");
    }

    @Test
    void aBadOptionIsRefusedWhenTheRouterIsBuilt() {
        Deployment local = Deployment.builder().name("local").kind("whisper").model("./m.bin").putOption("beam_size", 9).build();
        assertThatThrownBy(() -> Router.builder().addPool(Pool.builder().name("t").addDeployment(local).build()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deployments.local.beam_size must be between 1 and 8, was 9");
    }
}
