package dev.switchboard.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.OpenAIClientAsync;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.core.http.AsyncStreamResponse;
import dev.switchboard.errors.OpenAIInvalidDataException;
import dev.switchboard.errors.UnauthorizedException;
import dev.switchboard.models.models.Model;
import dev.switchboard.models.models.ModelListPage;
import dev.switchboard.models.models.ModelListPageAsync;
import dev.switchboard.models.models.ModelListParams;
import dev.switchboard.testing.MockServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ModelsTest {
    private static final String OPENAI = """
            {
              "object": "list",
              "data": [
                {"id": "gpt-4o-mini", "object": "model", "created": 1721172741, "owned_by": "system"},
                {"id": "text-embedding-3-small", "object": "model", "created": 1705948997, "owned_by": "system"},
                {"id": "whisper-1", "object": "model", "created": 1677532384, "owned_by": "openai-internal"}
              ]
            }""";

    private final MockServer server = new MockServer();
    private final OpenAIClient client = server.client();

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void theListIsAGetOfModels() {
        server.enqueueJson(OPENAI);

        client.models().list();

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getPath()).isEqualTo("/v1/models");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sk-test-secret");
        assertThat(request.getBodySize()).isZero();
    }

    @Test
    void theParamsHeadersAndQueryParametersAreSent() {
        server.enqueueJson(OPENAI);

        client.models().list(ModelListParams.builder()
                .putAdditionalHeader("OpenAI-Beta", "models=v2")
                .putAdditionalQueryParam("limit", "100")
                .build());

        RecordedRequest request = server.takeRequest();
        assertThat(request.getPath()).isEqualTo("/v1/models?limit=100");
        assertThat(request.getHeader("OpenAI-Beta")).isEqualTo("models=v2");
    }

    @Test
    void thePageHoldsEveryModel() {
        server.enqueueJson(OPENAI);

        ModelListPage page = client.models().list();

        assertThat(page.data()).extracting(Model::id).containsExactly("gpt-4o-mini", "text-embedding-3-small", "whisper-1");
        Model first = page.data().get(0);
        assertThat(first.created()).isEqualTo(1721172741L);
        assertThat(first.ownedBy()).isEqualTo("system");
        assertThat(first._object_()).isEqualTo(JsonValue.from("model"));
        assertThat(first.isValid()).isTrue();
        assertThat(page.hasNextPage()).isFalse();
    }

    @Test
    void theAutoPagerGoesThroughEveryModel() {
        server.enqueueJson(OPENAI);

        List<String> ids = new ArrayList<>();
        client.models().list().autoPager().forEach(model -> ids.add(model.id()));

        assertThat(ids).containsExactly("gpt-4o-mini", "text-embedding-3-small", "whisper-1");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void theAutoPagerStreams() {
        server.enqueueJson(OPENAI);

        assertThat(client.models().list().autoPager().stream().map(Model::ownedBy).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("system", "openai-internal");
    }

    @Test
    void anOllamaListIsReadAsItCame() {
        server.enqueueJson("""
                {"object":"list","data":[
                  {"id":"llama3.2:latest","object":"model","created":1718141294,"owned_by":"library"},
                  {"id":"nomic-embed-text:latest","object":"model","created":1718141100,"owned_by":"library"}]}""");

        List<Model> models = client.models().list().data();

        assertThat(models).extracting(Model::id).containsExactly("llama3.2:latest", "nomic-embed-text:latest");
        assertThat(models).extracting(Model::ownedBy).containsOnly("library");
    }

    @Test
    void whatLlamaCppAndVllmAddIsKept() {
        server.enqueueJson("""
                {"object":"list",
                 "models":[{"name":"qwen2.5-0.5b-instruct-q4_k_m.gguf","model":"qwen2.5-0.5b-instruct-q4_k_m.gguf"}],
                 "data":[
                  {"id":"qwen2.5-0.5b-instruct-q4_k_m.gguf","object":"model","created":1735142223,"owned_by":"llamacpp",
                   "meta":{"vocab_type":2,"n_vocab":151936,"n_ctx_train":32768,"n_embd":896}},
                  {"id":"Qwen/Qwen2.5-1.5B-Instruct","object":"model","created":1735142300,"owned_by":"vllm",
                   "root":"Qwen/Qwen2.5-1.5B-Instruct","parent":null,"max_model_len":32768,"permission":[]}]}""");

        List<Model> models = client.models().list().data();

        assertThat(models.get(0)._additionalProperties()).containsOnlyKeys("meta");
        assertThat(models.get(1)._additionalProperties())
                .containsEntry("max_model_len", JsonValue.from(32768))
                .containsKeys("root", "parent", "permission");
    }

    @Test
    void whatLocalAiLeavesOutIsFilledWithTheEpochAndTheBackendName() {
        server.enqueueJson("{\"object\":\"list\",\"data\":[{\"id\":\"whisper-1\",\"object\":\"model\"},{\"id\":\"stablediffusion\"}]}");

        List<Model> models = client.models().list().data();

        assertThat(models).extracting(Model::id).containsExactly("whisper-1", "stablediffusion");
        assertThat(models).extracting(Model::created).containsOnly(0L);
        assertThat(models).extracting(Model::ownedBy).containsOnly("openai");
        assertThat(models).extracting(Model::_object_).containsOnly(JsonValue.from("model"));
    }

    @Test
    void withResponseValidationAModelWithoutAnIdFailsTheCall() {
        server.enqueueJson("{\"object\":\"list\",\"data\":[{\"object\":\"model\",\"created\":1,\"owned_by\":\"me\"}]}");

        assertThatThrownBy(() -> client.models().list(RequestOptions.builder().responseValidation(true).build()))
                .isInstanceOf(OpenAIInvalidDataException.class)
                .hasMessage("`id` is not present");
    }

    @Test
    void aListWithoutDataIsInvalidData() {
        String noData = "{\"object\":\"list\",\"models\":[]}";
        server.enqueueJson(noData).enqueueJson(noData).enqueueJson(noData);

        assertThatThrownBy(() -> client.models().list())
                .isInstanceOf(OpenAIInvalidDataException.class)
                .hasMessage("The model list has no data array: {\"object\":\"list\",\"models\":[]}");
    }

    @Test
    void aRefusedKeyIsTheOfficialException() {
        server.enqueue(new MockResponse().setResponseCode(401).setHeader("Content-Type", "application/json")
                .setBody("{\"error\":{\"message\":\"Incorrect API key provided: sk-test-***cret.\","
                        + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}"));

        assertThatThrownBy(() -> client.models().list())
                .isInstanceOf(UnauthorizedException.class)
                .hasMessageContaining("Incorrect API key provided");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void theAsyncListCompletesWithEveryModel() throws Exception {
        server.enqueueJson(OPENAI);
        OpenAIClientAsync async = server.asyncClient();
        try {
            ModelListPageAsync page = async.models().list().get(5, TimeUnit.SECONDS);

            assertThat(page.data()).extracting(Model::id).containsExactly("gpt-4o-mini", "text-embedding-3-small", "whisper-1");
            assertThat(page.hasNextPage()).isFalse();
            assertThat(server.takeRequest().getPath()).isEqualTo("/v1/models");
        } finally {
            async.close();
        }
    }

    @Test
    void theAsyncAutoPagerDeliversEveryModelThenCompletes() throws Exception {
        server.enqueueJson(OPENAI);
        OpenAIClientAsync async = server.asyncClient();
        try {
            List<String> ids = new CopyOnWriteArrayList<>();
            CompletableFuture<Optional<Throwable>> completed = new CompletableFuture<>();

            AsyncStreamResponse<Model> pager = async.models().list().get(5, TimeUnit.SECONDS).autoPager()
                    .subscribe(new AsyncStreamResponse.Handler<>() {
                        @Override
                        public void onNext(Model model) {
                            ids.add(model.id());
                        }

                        @Override
                        public void onComplete(Optional<Throwable> error) {
                            completed.complete(error);
                        }
                    });

            assertThat(completed.get(5, TimeUnit.SECONDS)).isEmpty();
            assertThat(pager.onCompleteFuture()).succeedsWithin(5, TimeUnit.SECONDS);
            assertThat(ids).containsExactly("gpt-4o-mini", "text-embedding-3-small", "whisper-1");
        } finally {
            async.close();
        }
    }

    @Test
    void theAsyncAutoPagerRunsTheHandlerOnTheGivenExecutor() throws Exception {
        server.enqueueJson(OPENAI);
        OpenAIClientAsync async = server.asyncClient();
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "model-handler"));
        try {
            List<String> threads = new CopyOnWriteArrayList<>();

            async.models().list().get(5, TimeUnit.SECONDS).autoPager()
                    .subscribe(model -> threads.add(Thread.currentThread().getName()), executor)
                    .onCompleteFuture().get(5, TimeUnit.SECONDS);

            assertThat(threads).containsExactly("model-handler", "model-handler", "model-handler");
        } finally {
            executor.shutdown();
            async.close();
        }
    }

    @Test
    void aHandlerThatThrowsEndsTheAsyncAutoPagerWithItsException() throws Exception {
        server.enqueueJson(OPENAI);
        OpenAIClientAsync async = server.asyncClient();
        try {
            IllegalStateException boom = new IllegalStateException("handler failed");
            List<String> seen = new CopyOnWriteArrayList<>();
            CompletableFuture<Optional<Throwable>> completed = new CompletableFuture<>();

            AsyncStreamResponse<Model> pager = async.models().list().get(5, TimeUnit.SECONDS).autoPager()
                    .subscribe(new AsyncStreamResponse.Handler<>() {
                        @Override
                        public void onNext(Model model) {
                            seen.add(model.id());
                            throw boom;
                        }

                        @Override
                        public void onComplete(Optional<Throwable> error) {
                            completed.complete(error);
                        }
                    });

            assertThat(completed.get(5, TimeUnit.SECONDS)).containsSame(boom);
            assertThat(pager.onCompleteFuture()).failsWithin(5, TimeUnit.SECONDS)
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withCause(boom);
            assertThat(seen).containsExactly("gpt-4o-mini");
        } finally {
            async.close();
        }
    }

    @Test
    void theAsyncAutoPagerCanBeSubscribedOnce() throws Exception {
        server.enqueueJson(OPENAI);
        OpenAIClientAsync async = server.asyncClient();
        CountDownLatch release = new CountDownLatch(1);
        try {
            AsyncStreamResponse<Model> pager = async.models().list().get(5, TimeUnit.SECONDS).autoPager();
            pager.subscribe(model -> {
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });

            assertThatThrownBy(() -> pager.subscribe(model -> {}))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Cannot subscribe more than once");
        } finally {
            release.countDown();
            async.close();
        }
    }

    @Test
    void aFinishedAsyncAutoPagerIsClosed() throws Exception {
        server.enqueueJson(OPENAI);
        OpenAIClientAsync async = server.asyncClient();
        try {
            AsyncStreamResponse<Model> pager = async.models().list().get(5, TimeUnit.SECONDS).autoPager();
            pager.subscribe(model -> {}).onCompleteFuture().get(5, TimeUnit.SECONDS);

            assertThatThrownBy(() -> pager.subscribe(model -> {}))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Cannot subscribe after the response is closed");
        } finally {
            async.close();
        }
    }
}
