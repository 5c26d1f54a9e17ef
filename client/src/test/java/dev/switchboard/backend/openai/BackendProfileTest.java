package dev.switchboard.backend.openai;

import static dev.switchboard.router.Capability.CHAT;
import static dev.switchboard.router.Capability.COMPLETIONS;
import static dev.switchboard.router.Capability.EMBEDDINGS;
import static dev.switchboard.router.Capability.IMAGES;
import static dev.switchboard.router.Capability.JSON_SCHEMA;
import static dev.switchboard.router.Capability.MODELS;
import static dev.switchboard.router.Capability.SPEECH;
import static dev.switchboard.router.Capability.STREAMING;
import static dev.switchboard.router.Capability.TOOLS;
import static dev.switchboard.router.Capability.TRANSCRIPTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.router.Capability;
import dev.switchboard.router.Deployment;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table of kinds: what each server offers, where it is probed, what it honours. */
class BackendProfileTest {

    @Test
    void everyRemoteKindHasAProfile() {
        assertThat(BackendProfile.all().keySet())
                .containsExactly("openai", "vllm", "ollama", "llamacpp", "tgi", "sglang", "localai", "lmstudio");
        assertThat(new OpenAiBackendFactory().kinds()).isEqualTo(BackendProfile.all().keySet());
    }

    @Test
    void anUnknownKindIsAnErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> BackendProfile.of("kobold"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No remote backend kind 'kobold'; known kinds: "
                        + "[openai, vllm, ollama, llamacpp, tgi, sglang, localai, lmstudio]");
    }

    @Test
    void speechAndImagesOnlyOnOpenAiAndLocalAi() {
        assertThat(BackendProfile.all().values())
                .filteredOn(p -> p.capabilities().contains(SPEECH))
                .extracting(BackendProfile::kind).containsExactly("openai", "localai");
        assertThat(BackendProfile.all().values())
                .filteredOn(p -> p.capabilities().contains(IMAGES))
                .extracting(BackendProfile::kind).containsExactly("openai", "localai");
    }

    @Test
    void transcriptionOnOpenAiLocalAiAndVllm() {
        assertThat(BackendProfile.all().values())
                .filteredOn(p -> p.capabilities().contains(TRANSCRIPTION))
                .extracting(BackendProfile::kind).containsExactly("openai", "vllm", "localai");
    }

    @Test
    void tgiServesNoEmbeddingsAndEveryOtherKindDoes() {
        assertThat(BackendProfile.all().values())
                .filteredOn(p -> !p.capabilities().contains(EMBEDDINGS))
                .extracting(BackendProfile::kind).containsExactly("tgi");
    }

    @Test
    void everyKindListsModelsChatsAndStreams() {
        assertThat(BackendProfile.all().values())
                .allSatisfy(p -> assertThat(p.capabilities()).contains(MODELS, CHAT, COMPLETIONS, STREAMING, JSON_SCHEMA));
    }

    @Test
    void llamaCppCallsToolsOnlyWhenItsDeploymentSaysSo() {
        Deployment plain = Deployment.builder().name("local").kind("llamacpp").build();
        Deployment jinja = plain.toBuilder().putOption("tools", true).build();

        assertThat(BackendProfile.LLAMACPP.capabilitiesFor(plain)).doesNotContain(TOOLS);
        assertThat(BackendProfile.LLAMACPP.capabilitiesFor(jinja)).contains(TOOLS);
        assertThat(BackendProfile.all().values())
                .filteredOn(p -> !p.capabilities().contains(TOOLS))
                .extracting(BackendProfile::kind).containsExactly("llamacpp");
    }

    @Test
    void theToolsOptionCanAlsoSwitchToolsOff() {
        Deployment deployment = Deployment.builder().name("v").kind("vllm").putOption("tools", "false").build();

        assertThat(BackendProfile.VLLM.capabilitiesFor(deployment))
                .isEqualTo(EnumSet.of(CHAT, COMPLETIONS, EMBEDDINGS, TRANSCRIPTION, MODELS, STREAMING, JSON_SCHEMA));
    }

    @Test
    void aToolsOptionThatIsNoBooleanNamesTheDeployment() {
        Deployment deployment = Deployment.builder().name("local").kind("llamacpp").putOption("tools", "sometimes").build();

        assertThatThrownBy(() -> BackendProfile.LLAMACPP.capabilitiesFor(deployment))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deployments.local.tools must be true or false, was 'sometimes'");
    }

    @Test
    void eachKindIsProbedWhereItsServerAnswersWithoutACompletion() {
        Map<String, String> expected = Map.of(
                "openai", "http://host:1/v1/models",
                "vllm", "http://host:1/health",
                "ollama", "http://host:1/api/tags",
                "llamacpp", "http://host:1/health",
                "tgi", "http://host:1/health",
                "sglang", "http://host:1/health",
                "localai", "http://host:1/readyz",
                "lmstudio", "http://host:1/v1/models");
        expected.forEach((kind, url) -> assertThat(BackendProfile.of(kind).healthUrl("http://host:1/v1")).as(kind).isEqualTo(url));
    }

    @Test
    void aServerBehindAPathPrefixIsProbedUnderThatPrefix() {
        assertThat(BackendProfile.VLLM.healthUrl("https://gateway.example/team/qwen/v1/")).isEqualTo("https://gateway.example/team/qwen/health");
        assertThat(BackendProfile.OLLAMA.healthUrl("http://127.0.0.1:11434")).isEqualTo("http://127.0.0.1:11434/api/tags");
    }

    @Test
    void everyKindTakesTheKeyAsABearerToken() {
        assertThat(BackendProfile.all().values()).allSatisfy(p -> {
            assertThat(p.authHeader()).isEqualTo("Authorization");
            assertThat(p.authValue("k")).isEqualTo("Bearer k");
        });
    }

    @Test
    void ollamaDropsTheExtraSamplingParametersThatVllmHonours() {
        for (String parameter : new String[] {"top_k", "min_p", "repetition_penalty"}) {
            assertThat(BackendProfile.OLLAMA.dropsSilently(parameter)).as(parameter).isTrue();
            assertThat(BackendProfile.VLLM.dropsSilently(parameter)).as(parameter).isFalse();
            assertThat(BackendProfile.SGLANG.dropsSilently(parameter)).as(parameter).isFalse();
        }
    }

    @Test
    void llamaCppHonoursRepeatPenaltyButNotTheHuggingFaceName() {
        assertThat(BackendProfile.LLAMACPP.dropsSilently("repeat_penalty")).isFalse();
        assertThat(BackendProfile.LLAMACPP.dropsSilently("repetition_penalty")).isTrue();
        assertThat(BackendProfile.LLAMACPP.dropsSilently("top_k")).isFalse();
    }

    @Test
    void openAiRejectsUnknownParametersAloudSoNothingIsDroppedSilently() {
        assertThat(BackendProfile.OPENAI.ignoresUnknownParameters()).isFalse();
        assertThat(BackendProfile.OPENAI.dropsSilently("top_k")).isFalse();
    }

    @Test
    void parametersOutsideTheSamplingTableAreNeverWarnedAbout() {
        assertThat(BackendProfile.OLLAMA.dropsSilently("temperature")).isFalse();
        assertThat(BackendProfile.OLLAMA.dropsSilently("my_custom_field")).isFalse();
    }

    @Test
    void profilesAreImmutable() {
        assertThatThrownBy(() -> BackendProfile.TGI.capabilities().add(Capability.EMBEDDINGS))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> BackendProfile.VLLM.honouredSamplingParameters().add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
