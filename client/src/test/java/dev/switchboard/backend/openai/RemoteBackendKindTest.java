package dev.switchboard.backend.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.backend.Backend;
import dev.switchboard.backend.BackendContext;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.errors.UnsupportedCapabilityException;
import dev.switchboard.models.FunctionDefinition;
import dev.switchboard.models.FunctionParameters;
import dev.switchboard.models.audio.speech.SpeechCreateParams;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.models.chat.completions.ChatCompletionFunctionTool;
import dev.switchboard.models.embeddings.EmbeddingCreateParams;
import dev.switchboard.models.images.ImageGenerateParams;
import dev.switchboard.router.Capability;
import dev.switchboard.router.Deployment;
import dev.switchboard.router.Pool;
import dev.switchboard.router.Router;
import dev.switchboard.testing.MockServer;
import dev.switchboard.testing.ServerPayloads;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Deployments of each remote kind, made as the router makes them: what they refuse without asking
 * the server, how they send the key, and the warning for sampling parameters a server drops.
 */
class RemoteBackendKindTest {
    private static final String KEY = "sk-kind-secret-42";

    private final MockServer server = new MockServer();
    private final OkHttpClient http = new OkHttpClient();

    @AfterEach
    void close() {
        server.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private Backend backend(String kind, Consumer<Deployment.Builder> configure) {
        Deployment.Builder deployment = Deployment.builder().name(kind + "-1").kind(kind).baseUrl(server.baseUrl()).apiKey(KEY);
        configure.accept(deployment);
        return new OpenAiBackendFactory().create(deployment.build(), new BackendContext(http, Clock.systemUTC()));
    }

    private Backend backend(String kind) {
        return backend(kind, d -> {});
    }

    private String address() {
        return server.server.getHostName() + ":" + server.server.getPort();
    }

    private static ChatCompletionCreateParams.Builder ask() {
        return ChatCompletionCreateParams.builder().model("m").addUserMessage("hi");
    }

    private static ChatCompletionCreateParams withTool() {
        return ask().addTool(ChatCompletionFunctionTool.builder().function(FunctionDefinition.builder()
                        .name("get_weather")
                        .parameters(FunctionParameters.builder()
                                .putAdditionalProperty("type", JsonValue.from("object"))
                                .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                                .build())
                        .build()).build())
                .build();
    }

    private static EmbeddingCreateParams embed() {
        return EmbeddingCreateParams.builder().model("e").input("hello").build();
    }

    /** What slf4j-simple printed (it writes to whatever System.err is at the time) while {@code action} ran. */
    private static String logDuring(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aTgiDeploymentRefusesEmbeddingsWithoutAskingTheServer() {
        Backend tgi = backend("tgi");

        assertThatThrownBy(() -> tgi.embeddings(embed(), RequestOptions.none()).blockingGet())
                .isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessage("'tgi(http://" + address() + "/v1/)' cannot do embeddings: TGI does not offer it");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void theRefusalReachesTheCallerOfARouterPoolAsItIsWithoutARetry() {
        Deployment tgi = Deployment.builder().name("tgi-1").kind("tgi").baseUrl(server.baseUrl()).build();
        try (Router router = Router.builder().addPool(Pool.of("embeddings", List.of(tgi))).httpClient(http).build()) {
            assertThatThrownBy(() -> router.single(Capability.EMBEDDINGS, "embeddings",
                            (backend, model) -> backend.embeddings(embed(), RequestOptions.none())).blockingGet())
                    .isInstanceOfSatisfying(UnsupportedCapabilityException.class,
                            e -> assertThat(e.capability()).isEqualTo("embeddings"));
            assertThat(router.backend(tgi).capabilities()).doesNotContain(Capability.EMBEDDINGS);
        }
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void speechIsRefusedByAVllmDeployment() {
        Backend vllm = backend("vllm");

        assertThatThrownBy(() -> vllm.speech(SpeechCreateParams.builder().model("tts-1").input("hi").voice("alloy").build(),
                        RequestOptions.none()).blockingGet())
                .isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessage("'vllm(http://" + address() + "/v1/)' cannot do speech: vLLM does not offer it");
    }

    @Test
    void imagesAreRefusedByAnOllamaDeployment() {
        Backend ollama = backend("ollama");

        assertThatThrownBy(() -> ollama.images(ImageGenerateParams.builder().prompt("an otter").build(), RequestOptions.none())
                        .blockingGet())
                .isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessage("'ollama(http://" + address() + "/v1/)' cannot do images: Ollama does not offer it");
    }

    @Test
    void localAiIsAskedForImages() {
        server.enqueueJson("{\"created\":1,\"data\":[{\"url\":\"http://x/1.png\"}]}");

        backend("localai").images(ImageGenerateParams.builder().prompt("an otter").build(), RequestOptions.none()).blockingGet();

        assertThat(server.takeRequest().getPath()).isEqualTo("/v1/images/generations");
    }

    @Test
    void llamaCppRefusesToolsAndSaysHowToEnableThem() {
        Backend llama = backend("llamacpp");

        assertThatThrownBy(() -> llama.chatCompletion(withTool(), RequestOptions.none()).blockingGet())
                .isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessage("'llamacpp(http://" + address() + "/v1/)' cannot do tools: llama.cpp's server calls tools only"
                        + " when started with --jinja; once it is, set tools: true on the deployment");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void llamaCppCallsToolsWhenTheDeploymentSaysItCan() {
        server.enqueueJson(ServerPayloads.completion("sunny"));

        backend("llamacpp", d -> d.putOption("tools", true)).chatCompletion(withTool(), RequestOptions.none()).blockingGet();

        assertThat(server.takeRequest().getBody().readUtf8()).contains("\"tools\":[");
    }

    @Test
    void llamaCppChatsWithoutToolsAsAnyServerDoes() {
        server.enqueueJson(ServerPayloads.completion("hello"));

        assertThat(backend("llamacpp").chatCompletion(ask().build(), RequestOptions.none()).blockingGet()
                .choices().get(0).message().content()).contains("hello");
    }

    @Test
    void aDeploymentWithToolsSwitchedOffSaysSo() {
        Backend vllm = backend("vllm", d -> d.putOption("tools", false));

        assertThatThrownBy(() -> vllm.chatCompletionStream(withTool(), RequestOptions.none()).blockingFirst())
                .isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageEndingWith("cannot do tools: it is switched off for this deployment");
    }

    @ParameterizedTest(name = "{0} takes the key as a bearer token")
    @ValueSource(strings = {"openai", "vllm", "ollama", "llamacpp", "tgi", "sglang", "localai", "lmstudio"})
    void everyKindSendsTheKeyAsABearerToken(String kind) {
        server.enqueueJson(ServerPayloads.completion("ok"));

        backend(kind).chatCompletion(ask().build(), RequestOptions.none()).blockingGet();

        assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void aDeploymentWithoutAKeySendsNoAuthorization() {
        server.enqueueJson(ServerPayloads.completion("ok"));
        Deployment ollama = Deployment.builder().name("o").kind("ollama").baseUrl(server.baseUrl()).build();

        new OpenAiBackendFactory().create(ollama, new BackendContext(http, Clock.systemUTC()))
                .chatCompletion(ask().build(), RequestOptions.none()).blockingGet();

        assertThat(server.takeRequest().getHeader("Authorization")).isNull();
    }

    @Test
    void ollamaDroppingTopKIsWarnedOnceWhateverTheNumberOfCalls() {
        Backend ollama = backend("ollama");
        ChatCompletionCreateParams sampled = ask().putAdditionalBodyProperty("top_k", JsonValue.from(40)).build();

        String log = logDuring(() -> {
            for (int i = 0; i < 3; i++) {
                server.enqueueJson(ServerPayloads.completion("ok"));
                ollama.chatCompletion(sampled, RequestOptions.none()).blockingGet();
            }
        });

        assertThat(log.lines()).containsExactly("[main] WARN dev.switchboard.backend.openai.OpenAiCompatibleBackend - "
                + "ollama(http://" + address() + "/v1/) ignores 'top_k': Ollama does not read it from a chat request and drops"
                + " it silently, so the answer is sampled without it. It honours none of the extra sampling parameters."
                + " Send it only to deployments whose kind reads it (this warning is given once per deployment and parameter).");
    }

    @Test
    void eachDroppedParameterIsWarnedOnceStreamsIncluded() {
        Backend ollama = backend("ollama");
        ChatCompletionCreateParams sampled = ask()
                .putAdditionalBodyProperty("top_k", JsonValue.from(40))
                .putAdditionalBodyProperty("min_p", JsonValue.from(0.05))
                .putAdditionalBodyProperty("repetition_penalty", JsonValue.from(1.1))
                .build();

        String log = logDuring(() -> {
            server.enqueueStream(ServerPayloads.chunk("o"), ServerPayloads.lastChunk("stop"));
            ollama.chatCompletionStream(sampled, RequestOptions.none()).blockingSubscribe();
            server.enqueueJson(ServerPayloads.completion("ok"));
            ollama.chatCompletion(sampled, RequestOptions.none()).blockingGet();
        });

        assertThat(log.lines()).hasSize(3);
        assertThat(log).contains("ignores 'top_k'", "ignores 'min_p'", "ignores 'repetition_penalty'");
    }

    @Test
    void theDroppedParameterIsStillSentAsTheCallerAskedIt() {
        server.enqueueJson(ServerPayloads.completion("ok"));

        logDuring(() -> backend("ollama").chatCompletion(ask().putAdditionalBodyProperty("top_k", JsonValue.from(40)).build(),
                RequestOptions.none()).blockingGet());

        assertThat(server.takeRequest().getBody().readUtf8()).contains("\"top_k\":40");
    }

    @Test
    void anotherDeploymentOfTheSameKindIsWarnedOnItsOwn() {
        ChatCompletionCreateParams sampled = ask().putAdditionalBodyProperty("min_p", JsonValue.from(0.1)).build();

        String log = logDuring(() -> {
            for (Backend ollama : List.of(backend("ollama"), backend("ollama"))) {
                server.enqueueJson(ServerPayloads.completion("ok"));
                ollama.chatCompletion(sampled, RequestOptions.none()).blockingGet();
            }
        });

        assertThat(log.lines()).hasSize(2);
    }

    @Test
    void kindsThatHonourTheParametersAreNotWarnedAbout() {
        ChatCompletionCreateParams sampled = ask()
                .putAdditionalBodyProperty("top_k", JsonValue.from(40))
                .putAdditionalBodyProperty("min_p", JsonValue.from(0.05))
                .putAdditionalBodyProperty("repetition_penalty", JsonValue.from(1.1))
                .build();

        String log = logDuring(() -> {
            for (String kind : List.of("vllm", "sglang", "openai")) {
                server.enqueueJson(ServerPayloads.completion("ok"));
                backend(kind).chatCompletion(sampled, RequestOptions.none()).blockingGet();
            }
        });

        assertThat(log).isEmpty();
    }

    @Test
    void llamaCppIsWarnedOnlyAboutTheNameItDoesNotRead() {
        server.enqueueJson(ServerPayloads.completion("ok"));
        ChatCompletionCreateParams sampled = ask()
                .putAdditionalBodyProperty("top_k", JsonValue.from(40))
                .putAdditionalBodyProperty("repeat_penalty", JsonValue.from(1.1))
                .putAdditionalBodyProperty("repetition_penalty", JsonValue.from(1.1))
                .build();

        String log = logDuring(() -> backend("llamacpp").chatCompletion(sampled, RequestOptions.none()).blockingGet());

        assertThat(log.lines()).hasSize(1);
        assertThat(log).contains("ignores 'repetition_penalty': llama.cpp's server does not read it", "It honours [ignore_eos,"
                + " min_p, mirostat, mirostat_eta, mirostat_tau, repeat_last_n, repeat_penalty, top_k, typical_p].");
    }

    @Test
    void theWarningNeverShowsTheKey() {
        server.enqueueJson(ServerPayloads.completion("ok"));

        String log = logDuring(() -> backend("tgi").chatCompletion(ask().putAdditionalBodyProperty("top_k", JsonValue.from(1)).build(),
                RequestOptions.none()).blockingGet());

        assertThat(log).contains("ignores 'top_k'").doesNotContain(KEY);
    }
}
