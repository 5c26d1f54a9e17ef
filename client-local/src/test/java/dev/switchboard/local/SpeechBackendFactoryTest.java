package dev.switchboard.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.backend.BackendFactory;
import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.core.http.HttpResponse;
import dev.switchboard.models.audio.speech.SpeechCreateParams;
import dev.switchboard.router.Capability;
import dev.switchboard.router.Deployment;
import dev.switchboard.router.Pool;
import dev.switchboard.router.Router;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeechBackendFactoryTest {
    private static Router router(Deployment deployment) {
        return Router.builder().addPool(Pool.builder().name("speech").addDeployment(deployment).build()).build();
    }

    @Test
    void theServiceLoaderFindsTheSpeechFactory() {
        assertThat(ServiceLoader.load(BackendFactory.class).stream().map(ServiceLoader.Provider::type))
                .contains(SpeechBackendFactory.class);
    }

    @Test
    void aRouterMakesASpeechBackendThatOffersSpeechOnly() {
        Deployment local = Deployment.builder().name("voice").kind("speech").putOption("synthesizer", "freetts").build();
        try (Router router = router(local)) {
            assertThat(router.backend(local)).hasToString("speech(freetts)");
            assertThat(router.backend(local).capabilities()).containsExactly(Capability.SPEECH);
        }
    }

    @Test
    void anUnknownOptionIsRefusedWhenTheRouterIsBuilt() {
        Deployment local = Deployment.builder().name("voice").kind("speech").putOption("voices", "slt").build();

        assertThatThrownBy(() -> router(local))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deployments.voice.voices is not a speech engine option; the options are synthesizer");
    }

    @Test
    void anUnknownSynthesizerIsRefusedWhenTheRouterIsBuilt() {
        Deployment local = Deployment.builder().name("voice").kind("speech").putOption("synthesizer", "espeak").build();

        assertThatThrownBy(() -> router(local))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deployments.voice.synthesizer must be auto, flite or freetts, was 'espeak'");
    }

    @Test
    void otherKindsAreDeclined() {
        Deployment remote = Deployment.builder().name("r").kind("vllm").baseUrl("http://127.0.0.1:1/v1").build();

        assertThat(new SpeechBackendFactory().create(remote, null)).isNull();
    }

    @Test
    void aConfigFileDeploymentSpeaks(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("switchboard.yaml"), String.join("\n",
                "pools:",
                "  speech:",
                "    deployments:",
                "      - engine: speech",
                "        synthesizer: freetts",
                ""));
        try (OpenAIClient client = OpenAIOkHttpClient.builder().apiKey("unused").routerConfig(config).build();
                HttpResponse response = client.audio().speech().create(SpeechCreateParams.builder().model("speech")
                        .input("hello").voice(SpeechCreateParams.Voice.UnionMember1.CORAL).build());
                InputStream body = response.body()) {
            assertThat(response.headers().values("Content-Type")).containsExactly("audio/wav");
            assertThat(body.readAllBytes().length).isGreaterThan(44 + 4800);
        }
    }
}
