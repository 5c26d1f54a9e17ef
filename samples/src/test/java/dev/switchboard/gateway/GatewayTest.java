package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponse;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.NotFoundException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.audio.AudioModel;
import com.openai.models.audio.speech.SpeechCreateParams;
import com.openai.models.audio.transcriptions.TranscriptionCreateParams;
import com.openai.models.audio.transcriptions.TranscriptionCreateResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.images.ImageGenerateParams;
import com.openai.models.images.ImagesResponse;
import com.openai.models.models.Model;
import dev.switchboard.router.Capability;
import dev.switchboard.router.Deployment;
import dev.switchboard.router.HealthPolicy;
import dev.switchboard.router.Pool;
import dev.switchboard.router.RetryPolicy;
import dev.switchboard.router.Router;
import dev.switchboard.testing.ScriptedBackend;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GatewayTest {
    private static final RetryPolicy NO_WAIT = RetryPolicy.builder().initialBackoff(Duration.ZERO)
            .maxRetryAfter(Duration.ZERO).build();

    private final ScriptedBackend alpha = ScriptedBackend.everything("alpha", "Hello from the gateway");
    private final ScriptedBackend chatOnly = new ScriptedBackend("chat-only", "Only chat",
            EnumSet.of(Capability.CHAT, Capability.STREAMING));
    private final ScriptedBackend down = ScriptedBackend.everything("down", "unused").failing(ScriptedBackend.Failure.DOWN);
    private final ScriptedBackend downToo = ScriptedBackend.everything("down-too", "unused").failing(ScriptedBackend.Failure.DOWN);
    private final ScriptedBackend slow = ScriptedBackend.everything("slow", "unused").failing(ScriptedBackend.Failure.TIMEOUT);
    private final ScriptedBackend picky = ScriptedBackend.everything("picky", "unused").failing(ScriptedBackend.Failure.BAD_REQUEST);
    private final ScriptedBackend endless = ScriptedBackend.everything("endless", "unused").endless();
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(10, TimeUnit.SECONDS).build();
    private final List<OpenAIClient> clients = new java.util.ArrayList<>();
    private Gateway gateway;

    private Gateway start(GatewaySettings.Builder settings) {
        Router router = Router.builder()
                .addPool(pool("text-generation", deployment("alpha", alpha, "tiny-chat")))
                .addPool(pool("chat-only", deployment("chat-only", chatOnly, "only-chat")))
                .addPool(pool("broken", deployment("down", down, "down-model")))
                .addPool(Pool.builder().name("all-down").addDeployment(deployment("down-1", down, "down-model"))
                        .addDeployment(deployment("down-2", downToo, "down-model")).build())
                .addPool(pool("slow", deployment("slow", slow, "slow-model")))
                .addPool(pool("picky", deployment("picky", picky, "picky-model")))
                .addPool(pool("endless", deployment("endless", endless, "endless-model")))
                .retryPolicy(NO_WAIT)
                .healthPolicy(HealthPolicy.disabled())
                .build();
        gateway = Gateway.create(router, settings.port(0).build()).start();
        return gateway;
    }

    private Gateway start() {
        return start(GatewaySettings.builder());
    }

    private static Pool pool(String name, Deployment deployment) {
        return Pool.builder().name(name).addDeployment(deployment).build();
    }

    private static Deployment deployment(String name, ScriptedBackend backend, String model) {
        return Deployment.builder().name(name).kind("scripted").backend(backend).model(model).build();
    }

    private OpenAIClient official() {
        return official("unused");
    }

    private OpenAIClient official(String key) {
        OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(gateway.baseUrl()).apiKey(key).maxRetries(0).build();
        clients.add(client);
        return client;
    }

    @AfterEach
    void stop() {
        clients.forEach(OpenAIClient::close);
        if (gateway != null) gateway.close();
    }

    @Test
    void chatCompletionAnswersTheOfficialClient() {
        start();
        ChatCompletion completion = official().chat().completions().create(ChatCompletionCreateParams.builder()
                .model("text-generation").addUserMessage("Hi").build()).validate();
        assertThat(completion.choices().get(0).message().content()).contains("Hello from the gateway");
        assertThat(completion.model()).isEqualTo("tiny-chat");
    }

    @Test
    void aDeploymentsRealModelNameRoutesToItsPool() {
        start();
        ChatCompletion completion = official().chat().completions().create(ChatCompletionCreateParams.builder()
                .model("tiny-chat").addUserMessage("Hi").build()).validate();
        assertThat(completion.choices().get(0).message().content()).contains("Hello from the gateway");
    }

    @Test
    void streamedChatArrivesChunkByChunkInTheOfficialClient() {
        start();
        try (StreamResponse<ChatCompletionChunk> stream = official().chat().completions().createStreaming(
                ChatCompletionCreateParams.builder().model("text-generation").addUserMessage("Hi").build())) {
            List<ChatCompletionChunk> chunks = stream.stream().map(ChatCompletionChunk::validate).collect(Collectors.toList());
            assertThat(chunks).hasSize(5);
            assertThat(chunks.stream().flatMap(c -> c.choices().stream())
                    .map(c -> c.delta().content().orElse("")).collect(Collectors.joining()))
                    .isEqualTo("Hello from the gateway");
            assertThat(chunks.get(4).choices().get(0).finishReason().map(Object::toString)).contains("stop");
        }
    }

    @Test
    void streamIsFramedAsOpenAiFramesServerSentEvents() throws Exception {
        start();
        Request request = new Request.Builder().url(gateway.baseUrl() + "/chat/completions")
                .post(RequestBody.create("{\"model\":\"text-generation\",\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}", MediaType.get("application/json")))
                .build();
        try (Response response = http.newCall(request).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.header("Content-Type")).startsWith("text/event-stream");
            String raw = new String(response.body().bytes(), StandardCharsets.UTF_8);
            String[] events = raw.split("\n\n", -1);
            assertThat(events).hasSize(7);
            for (int i = 0; i < 5; i++) {
                assertThat(events[i]).startsWith("data: {\"id\":\"chatcmpl-scripted\"").doesNotContain("\n");
            }
            assertThat(events[0]).contains("\"content\":\"Hello\"");
            assertThat(events[5]).isEqualTo("data: [DONE]");
            assertThat(events[6]).isEmpty();
        }
    }

    @Test
    void aClientThatLeavesMidStreamCancelsTheGeneration() throws Exception {
        start();
        Request request = new Request.Builder().url(gateway.baseUrl() + "/chat/completions")
                .post(RequestBody.create("{\"model\":\"endless\",\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"Go on\"}]}", MediaType.get("application/json")))
                .build();
        Response response = http.newCall(request).execute();
        assertThat(response.body().source().readUtf8Line()).startsWith("data: {");
        response.close();
        assertThat(endless.streamCancelled.await(10, TimeUnit.SECONDS)).as("the backend's stream was cancelled").isTrue();
    }

    @Test
    void embeddingsAnswerTheOfficialClient() {
        start();
        CreateEmbeddingResponse response = official().embeddings().create(EmbeddingCreateParams.builder()
                .model("text-generation").input("Switchboard").build()).validate();
        assertThat(response.data().get(0).embedding()).containsExactly(0.25f, 0.5f, 0.75f);
    }

    @Test
    void speechComesBackAsTheBackendsAudioBytes() throws Exception {
        start();
        try (HttpResponse audio = official().audio().speech().create(SpeechCreateParams.builder()
                .model("text-generation").input("Hello").voice("alloy")
                .responseFormat(SpeechCreateParams.ResponseFormat.WAV).build());
             InputStream body = audio.body()) {
            assertThat(audio.statusCode()).isEqualTo(200);
            assertThat(body.readAllBytes()).isEqualTo(ScriptedBackend.AUDIO);
        }
    }

    @Test
    void transcriptionTakesTheOfficialClientsMultipartUpload() {
        start();
        TranscriptionCreateResponse response = official().audio().transcriptions().create(TranscriptionCreateParams.builder()
                .model(AudioModel.of("text-generation")).file("RIFFfake".getBytes(StandardCharsets.US_ASCII))
                .language("en").build()).validate();
        assertThat(response.asTranscription().text()).isEqualTo("Hello from the gateway (8 bytes)");
        var params = (dev.switchboard.models.audio.transcriptions.TranscriptionCreateParams) alpha.lastParams.get();
        assertThat(params.language()).contains("en");
    }

    @Test
    void imagesAnswerTheOfficialClient() {
        start();
        ImagesResponse response = official().images().generate(ImageGenerateParams.builder()
                .model("text-generation").prompt("a red ball").build()).validate();
        assertThat(response.data().orElseThrow().get(0).b64Json()).contains(ScriptedBackend.IMAGE_B64);
    }

    @Test
    void modelsListsPoolsAndTheirRealModels() {
        start();
        List<String> ids = official().models().list().data().stream().map(Model::validate).map(Model::id)
                .collect(Collectors.toList());
        assertThat(ids).containsExactly("text-generation", "chat-only", "broken", "all-down", "slow", "picky", "endless",
                "tiny-chat", "only-chat", "down-model", "slow-model", "picky-model", "endless-model");
    }

    @Test
    void aModelIsRetrievedByItsName() {
        start();
        Model model = official().models().retrieve("tiny-chat").validate();
        assertThat(model.ownedBy()).isEqualTo("scripted");
        assertThatThrownBy(() -> official().models().retrieve("gpt-9")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void routesAnswerWithoutTheV1PrefixToo() throws Exception {
        start();
        try (Response response = http.newCall(new Request.Builder()
                .url("http://127.0.0.1:" + gateway.port() + "/models").build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.body().string()).contains("\"id\":\"text-generation\"");
        }
    }

    @Test
    void anUnknownModelIsA404ListingTheKnownOnes() {
        start();
        assertThatThrownBy(() -> official().chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-9").addUserMessage("Hi").build()))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("The model `gpt-9` does not exist on this gateway; known models: text-generation, chat-only");
    }

    @Test
    void aPoolLackingTheCapabilityIsA501() {
        start();
        assertThatThrownBy(() -> official().embeddings().create(EmbeddingCreateParams.builder()
                .model("chat-only").input("x").build()))
                .isInstanceOfSatisfying(InternalServerException.class, e -> assertThat(e.statusCode()).isEqualTo(501))
                .hasMessageContaining("embeddings");
    }

    @Test
    void aBackendFailureIsA502WithTheBackendsMessage() {
        start();
        assertThatThrownBy(() -> official().chat().completions().create(ChatCompletionCreateParams.builder()
                .model("broken").addUserMessage("Hi").build()))
                .isInstanceOfSatisfying(InternalServerException.class, e -> assertThat(e.statusCode()).isEqualTo(502))
                .hasMessageContaining("down is down");
    }

    @Test
    void aPoolWithNoDeploymentLeftIsA503ListingEach() {
        start();
        assertThatThrownBy(() -> official().chat().completions().create(ChatCompletionCreateParams.builder()
                .model("all-down").addUserMessage("Hi").build()))
                .isInstanceOfSatisfying(InternalServerException.class, e -> assertThat(e.statusCode()).isEqualTo(503))
                .hasMessageContaining("down-1").hasMessageContaining("down-2");
    }

    @Test
    void aTimeoutIsA504() {
        start();
        assertThatThrownBy(() -> official().chat().completions().create(ChatCompletionCreateParams.builder()
                .model("slow").addUserMessage("Hi").build()))
                .isInstanceOfSatisfying(InternalServerException.class, e -> assertThat(e.statusCode()).isEqualTo(504))
                .hasMessageContaining("slow gave no answer within its timeout");
    }

    @Test
    void aRequestTheBackendRejectsIsA400WithItsMessage() {
        start();
        assertThatThrownBy(() -> official().chat().completions().create(ChatCompletionCreateParams.builder()
                .model("picky").addUserMessage("Hi").build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("messages must not be empty");
    }

    @Test
    void aStreamThatFailsBeforeItsFirstChunkAnswersWithTheErrorStatus() {
        start();
        assertThatThrownBy(() -> {
            try (StreamResponse<ChatCompletionChunk> stream = official().chat().completions().createStreaming(
                    ChatCompletionCreateParams.builder().model("broken").addUserMessage("Hi").build())) {
                stream.stream().forEach(ChatCompletionChunk::validate);
            }
        }).isInstanceOfSatisfying(InternalServerException.class, e -> assertThat(e.statusCode()).isEqualTo(502));
    }

    @Test
    void malformedJsonIsA400() throws Exception {
        start();
        try (Response response = http.newCall(new Request.Builder().url(gateway.baseUrl() + "/chat/completions")
                .post(RequestBody.create("{\"model\":", MediaType.get("application/json"))).build()).execute()) {
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.body().string()).startsWith("{\"error\":{\"message\":\"We could not parse the JSON body")
                    .contains("\"type\":\"invalid_request_error\"");
        }
    }

    @Test
    void aRequestWithoutMessagesIsA400NamingWhatIsMissing() throws Exception {
        start();
        try (Response response = http.newCall(new Request.Builder().url(gateway.baseUrl() + "/chat/completions")
                .post(RequestBody.create("{\"model\":\"text-generation\"}", MediaType.get("application/json"))).build())
                .execute()) {
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.body().string()).contains("messages");
        }
    }

    @Test
    void aBodyOverTheLimitIsA413() throws Exception {
        start(GatewaySettings.builder().maxRequestBytes(2048));
        String big = "{\"model\":\"text-generation\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(4096) + "\"}]}";
        try (Response response = http.newCall(new Request.Builder().url(gateway.baseUrl() + "/chat/completions")
                .post(RequestBody.create(big, MediaType.get("application/json"))).build()).execute()) {
            assertThat(response.code()).isEqualTo(413);
            assertThat(response.body().string()).contains("larger than this gateway's limit of 2048 bytes");
        }
    }

    @Test
    void anUploadOverTheLimitIsA413() throws Exception {
        start(GatewaySettings.builder().maxRequestBytes(2048));
        RequestBody body = new okhttp3.MultipartBody.Builder().setType(okhttp3.MultipartBody.FORM)
                .addFormDataPart("model", "text-generation")
                .addFormDataPart("file", "big.wav", RequestBody.create(new byte[8192], MediaType.get("audio/wav")))
                .build();
        try (Response response = http.newCall(new Request.Builder().url(gateway.baseUrl() + "/audio/transcriptions")
                .post(body).build()).execute()) {
            assertThat(response.code()).isEqualTo(413);
            assertThat(response.body().string()).contains("larger than this gateway's limit of 2048 bytes");
        }
    }

    @Test
    void aTranscriptionWithoutAFileIsA400() throws Exception {
        start();
        RequestBody body = new okhttp3.MultipartBody.Builder().setType(okhttp3.MultipartBody.FORM)
                .addFormDataPart("model", "text-generation").build();
        try (Response response = http.newCall(new Request.Builder().url(gateway.baseUrl() + "/audio/transcriptions")
                .post(body).build()).execute()) {
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.body().string()).contains("The request has no file part; send the audio as `file`.");
        }
    }

    @Test
    void aWrongKeyIsA401AndTheRightOneIsLetIn() {
        start(GatewaySettings.builder().addApiKey("sb-secret"));
        assertThatThrownBy(() -> official("wrong").models().list())
                .isInstanceOf(UnauthorizedException.class)
                .hasMessageContaining("Incorrect API key provided")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong"));
        assertThat(official("sb-secret").models().list().data()).isNotEmpty();
    }

    @Test
    void healthNeedsNoKeyAndReportsEachDeployment() throws Exception {
        start(GatewaySettings.builder().addApiKey("sb-secret"));
        alpha.healthy(false);
        try (Response response = http.newCall(new Request.Builder()
                .url("http://127.0.0.1:" + gateway.port() + "/health").build()).execute()) {
            String body = response.body().string();
            assertThat(response.code()).isEqualTo(503);
            assertThat(body).startsWith("{\"status\":\"unavailable\"")
                    .contains("\"text-generation\":{\"usable_deployments\":0}")
                    .contains("{\"name\":\"alpha\",\"pool\":\"text-generation\",\"kind\":\"scripted\",\"model\":\"tiny-chat\","
                            + "\"status\":\"unreachable\",\"detail\":\"scripted: down\",\"breaker\":\"CLOSED\"}");
        }
    }

    @Test
    void healthIsOkWhenEveryDeploymentIsUp() throws Exception {
        start();
        try (Response response = http.newCall(new Request.Builder().url(gateway.baseUrl() + "/health").build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.body().string()).startsWith("{\"status\":\"ok\"");
        }
    }

    @Test
    void servicesListDeploymentsWithTheirCapabilitiesAndState() throws Exception {
        start();
        try (Response response = http.newCall(new Request.Builder()
                .url("http://127.0.0.1:" + gateway.port() + "/services").build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.body().string()).contains("{\"name\":\"chat-only\",\"pool\":\"chat-only\",\"kind\":\"scripted\","
                    + "\"model\":\"only-chat\",\"capabilities\":[\"chat\",\"streaming\"],\"state\":\"CLOSED\",\"in_flight\":0}");
        }
    }

    @Test
    void statsCountTheCallsOfEachDeployment() throws Exception {
        start();
        OpenAIClient client = official();
        client.chat().completions().create(ChatCompletionCreateParams.builder().model("text-generation").addUserMessage("a").build());
        client.chat().completions().create(ChatCompletionCreateParams.builder().model("text-generation").addUserMessage("b").build());
        try (Response response = http.newCall(new Request.Builder()
                .url("http://127.0.0.1:" + gateway.port() + "/stats").build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.body().string()).contains("{\"deployment\":\"alpha\",\"requests\":2,\"successes\":2,\"errors\":0,");
        }
    }

    @Test
    void anUnknownRouteIsA404NamingTheRoutes() throws Exception {
        start();
        try (Response response = http.newCall(new Request.Builder().url(gateway.baseUrl() + "/completions")
                .post(RequestBody.create("{}", MediaType.get("application/json"))).build()).execute()) {
            assertThat(response.code()).isEqualTo(404);
            assertThat(response.body().string()).contains("Unknown request URL: POST /v1/completions. Routes: POST /v1/chat/completions");
        }
    }
}
