package dev.switchboard.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.OpenAIClientAsync;
import dev.switchboard.core.JsonValue;
import dev.switchboard.errors.NotFoundException;
import dev.switchboard.errors.OpenAIInvalidDataException;
import dev.switchboard.models.embeddings.CreateEmbeddingResponse;
import dev.switchboard.models.embeddings.Embedding;
import dev.switchboard.models.embeddings.EmbeddingCreateParams;
import dev.switchboard.models.embeddings.EmbeddingModel;
import dev.switchboard.testing.MockServer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmbeddingsTest {
    private final MockServer server = new MockServer();
    private final OpenAIClient client = server.client();

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    private static final String OPENAI_FLOATS = """
            {
              "object": "list",
              "data": [
                {"object": "embedding", "index": 0, "embedding": [0.0023064255, -0.009327292, 0.015797347]}
              ],
              "model": "text-embedding-3-small",
              "usage": {"prompt_tokens": 5, "total_tokens": 5}
            }""";

    private static EmbeddingCreateParams.Builder params() {
        return EmbeddingCreateParams.builder().model(EmbeddingModel.TEXT_EMBEDDING_3_SMALL);
    }

    @Test
    void aStringInputIsSentWithBase64EncodingAsTheOfficialSdkDoes() {
        server.enqueueJson(OPENAI_FLOATS);

        client.embeddings().create(params().input("The food was delicious").build());

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/v1/embeddings");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sk-test-secret");
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json; charset=UTF-8");
        assertThat(request.getBody().readUtf8()).isEqualTo(
                "{\"input\":\"The food was delicious\",\"model\":\"text-embedding-3-small\",\"encoding_format\":\"base64\"}");
    }

    @Test
    void theDefaultEncodingIsVisibleOnTheParams() {
        EmbeddingCreateParams params = params().input("x").build();

        assertThat(params.encodingFormat()).contains(EmbeddingCreateParams.EncodingFormat.BASE64);
    }

    @Test
    void severalStringsAreSentAsAnArray() {
        server.enqueueJson(OPENAI_FLOATS);

        client.embeddings().create(params().inputOfArrayOfStrings(List.of("first", "second")).build());

        assertThat(server.takeRequest().getBody().readUtf8()).isEqualTo(
                "{\"input\":[\"first\",\"second\"],\"model\":\"text-embedding-3-small\",\"encoding_format\":\"base64\"}");
    }

    @Test
    void tokensAreSentAsIntegers() {
        server.enqueueJson(OPENAI_FLOATS);

        client.embeddings().create(params().inputOfArrayOfTokens(List.of(9906L, 1917L, 0L)).build());

        assertThat(server.takeRequest().getBody().readUtf8()).isEqualTo(
                "{\"input\":[9906,1917,0],\"model\":\"text-embedding-3-small\",\"encoding_format\":\"base64\"}");
    }

    @Test
    void tokenArraysAreSentAsNestedArrays() {
        server.enqueueJson(OPENAI_FLOATS);

        client.embeddings().create(params().inputOfArrayOfTokenArrays(List.of(List.of(1L, 2L), List.of(3L))).build());

        assertThat(server.takeRequest().getBody().readUtf8()).isEqualTo(
                "{\"input\":[[1,2],[3]],\"model\":\"text-embedding-3-small\",\"encoding_format\":\"base64\"}");
    }

    @Test
    void dimensionsFloatEncodingAndUserAreSentInTheOfficialOrder() {
        server.enqueueJson(OPENAI_FLOATS);

        client.embeddings().create(EmbeddingCreateParams.builder()
                .user("user-1234")
                .encodingFormat(EmbeddingCreateParams.EncodingFormat.FLOAT)
                .dimensions(256)
                .model("text-embedding-3-large")
                .input("hello")
                .build());

        assertThat(server.takeRequest().getBody().readUtf8()).isEqualTo(
                "{\"input\":\"hello\",\"model\":\"text-embedding-3-large\",\"dimensions\":256,"
                        + "\"encoding_format\":\"float\",\"user\":\"user-1234\"}");
    }

    @Test
    void base64VectorsAreReadAsFloats() {
        float[] vector = {0.0023064255f, -0.009327292f, 1.5e-8f, -3.25f};
        server.enqueueJson("""
                {
                  "object": "list",
                  "data": [{"object": "embedding", "index": 0, "embedding": "%s"}],
                  "model": "text-embedding-3-small",
                  "usage": {"prompt_tokens": 4, "total_tokens": 4}
                }""".formatted(base64(vector)));

        Embedding embedding = client.embeddings().create(params().input("x").build()).data().get(0);

        assertThat(embedding.embedding()).containsExactly(0.0023064255f, -0.009327292f, 1.5e-8f, -3.25f);
        assertThat(embedding.embeddingValue().isFloats()).isTrue();
        assertThat(embedding.embeddingValue().asBase64()).isEqualTo(base64(vector));
    }

    @Test
    void floatVectorsAreReadAsTheyCame() {
        server.enqueueJson(OPENAI_FLOATS);

        CreateEmbeddingResponse response = client.embeddings().create(
                params().input("x").encodingFormat(EmbeddingCreateParams.EncodingFormat.FLOAT).build());

        assertThat(response.data()).hasSize(1);
        assertThat(response.data().get(0).embedding()).containsExactly(0.0023064255f, -0.009327292f, 0.015797347f);
        assertThat(response.data().get(0).index()).isZero();
        assertThat(response.model()).isEqualTo("text-embedding-3-small");
        assertThat(response.usage().promptTokens()).isEqualTo(5);
        assertThat(response.usage().totalTokens()).isEqualTo(5);
        assertThat(response.isValid()).isTrue();
    }

    @Test
    void aServerThatIgnoresBase64AndSendsFloatsIsReadTheSame() {
        // Ollama before 0.11 and LocalAI ignore encoding_format and answer with floats.
        server.enqueueJson("""
                {"object":"list","data":[{"object":"embedding","embedding":[0.5,-0.25],"index":0}],
                 "model":"all-minilm","usage":{"prompt_tokens":2,"total_tokens":2}}""");

        CreateEmbeddingResponse response = client.embeddings().create(
                EmbeddingCreateParams.builder().model("all-minilm").input("why is the sky blue?").build());

        assertThat(response.data().get(0).embedding()).containsExactly(0.5f, -0.25f);
    }

    @Test
    void severalBase64VectorsKeepTheirOrder() {
        server.enqueueJson("""
                {"object":"list","data":[
                  {"object":"embedding","index":0,"embedding":"%s"},
                  {"object":"embedding","index":1,"embedding":"%s"}],
                 "model":"text-embedding-3-small","usage":{"prompt_tokens":2,"total_tokens":2}}"""
                .formatted(base64(new float[] {1f, 2f}), base64(new float[] {3f, 4f})));

        CreateEmbeddingResponse response = client.embeddings().create(
                params().inputOfArrayOfStrings(List.of("a", "b")).build());

        assertThat(response.data()).extracting(Embedding::index).containsExactly(0L, 1L);
        assertThat(response.data()).extracting(Embedding::embedding)
                .containsExactly(List.of(1f, 2f), List.of(3f, 4f));
    }

    @Test
    void aBase64VectorCutInsideAFloatIsRejectedAfterTheRetries() {
        String cut = Base64.getEncoder().encodeToString(new byte[] {0, 0, -128, 63, 0, 0});
        String answer = "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":\"" + cut
                + "\"}],\"model\":\"text-embedding-3-small\",\"usage\":{\"prompt_tokens\":1,\"total_tokens\":1}}";
        server.enqueueJson(answer).enqueueJson(answer).enqueueJson(answer);

        assertThatThrownBy(() -> client.embeddings().create(params().input("x").build()))
                .isInstanceOf(OpenAIInvalidDataException.class)
                .hasMessage("A base64 embedding has 6 bytes, not a whole number of 4-byte floats");
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void anEmbeddingThatIsNeitherFloatsNorBase64IsRejected() {
        String answer = "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":\"not base64!\"}],"
                + "\"model\":\"m\",\"usage\":{\"prompt_tokens\":1,\"total_tokens\":1}}";
        server.enqueueJson(answer).enqueueJson(answer).enqueueJson(answer);

        assertThatThrownBy(() -> client.embeddings().create(params().input("x").build()))
                .isInstanceOf(OpenAIInvalidDataException.class)
                .hasMessageStartingWith("An embedding is not valid base64: ");
    }

    @Test
    void whatSloppyServersLeaveOutIsFilledIn() {
        // Early llama.cpp servers: no object, index, model or usage.
        server.enqueueJson("{\"data\":[{\"embedding\":[0.1,0.2]},{\"embedding\":[0.3,0.4]}]}");

        CreateEmbeddingResponse response = client.embeddings().create(
                EmbeddingCreateParams.builder().model("nomic-embed-text").inputOfArrayOfStrings(List.of("a", "b")).build());

        assertThat(response._object_()).isEqualTo(JsonValue.from("list"));
        assertThat(response.model()).isEqualTo("nomic-embed-text");
        assertThat(response.data()).extracting(Embedding::index).containsExactly(0L, 1L);
        assertThat(response.data()).extracting(Embedding::_object_)
                .containsOnly(JsonValue.from("embedding"));
        assertThat(response.data().get(1).embedding()).containsExactly(0.3f, 0.4f);
    }

    @Test
    void aResponseWithoutUsageSaysSoWhenUsageIsReadRatherThanInventingCounts() {
        server.enqueueJson("{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":[1.0]}],"
                + "\"model\":\"nomic-embed-text\"}");

        CreateEmbeddingResponse response = client.embeddings().create(
                EmbeddingCreateParams.builder().model("nomic-embed-text").input("a").build());

        assertThat(response.data().get(0).embedding()).containsExactly(1.0f);
        assertThatThrownBy(response::usage)
                .isInstanceOf(OpenAIInvalidDataException.class)
                .hasMessage("`usage` is not present");
        assertThat(response.isValid()).isFalse();
    }

    @Test
    void fieldsBeyondTheOfficialSchemaAreKept() {
        // vLLM adds an id, a creation time and completion tokens.
        server.enqueueJson("""
                {"id":"embd-5f3a","object":"list","created":1735689600,"model":"BAAI/bge-m3",
                 "data":[{"index":0,"object":"embedding","embedding":[0.25]}],
                 "usage":{"prompt_tokens":3,"total_tokens":3,"completion_tokens":0,"prompt_tokens_details":null}}""");

        CreateEmbeddingResponse response = client.embeddings().create(
                EmbeddingCreateParams.builder().model("BAAI/bge-m3").input("a").build());

        assertThat(response._additionalProperties())
                .containsEntry("id", JsonValue.from("embd-5f3a"))
                .containsEntry("created", JsonValue.from(1735689600L));
        assertThat(response.usage()._additionalProperties()).containsEntry("completion_tokens", JsonValue.from(0));
        assertThat(response.usage().promptTokens()).isEqualTo(3);
    }

    @Test
    void anUnknownModelIsTheOfficialNotFoundException() {
        server.enqueue(new MockResponse().setResponseCode(404).setHeader("Content-Type", "application/json")
                .setBody("{\"error\":\"model \\\"nomic\\\" not found, try pulling it first\"}"));

        assertThatThrownBy(() -> client.embeddings().create(EmbeddingCreateParams.builder().model("nomic").input("a").build()))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("model \"nomic\" not found, try pulling it first");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void theAsyncClientSendsTheSameBodyAndDecodesTheSameVectors() throws Exception {
        server.enqueueJson("""
                {"object":"list","data":[{"object":"embedding","index":0,"embedding":"%s"}],
                 "model":"text-embedding-3-small","usage":{"prompt_tokens":1,"total_tokens":1}}"""
                .formatted(base64(new float[] {0.125f, -8f})));
        OpenAIClientAsync async = server.asyncClient();
        try {
            CreateEmbeddingResponse response = async.embeddings().create(params().input("hello").build())
                    .get(5, TimeUnit.SECONDS);

            assertThat(response.data().get(0).embedding()).containsExactly(0.125f, -8f);
            assertThat(server.takeRequest().getBody().readUtf8()).isEqualTo(
                    "{\"input\":\"hello\",\"model\":\"text-embedding-3-small\",\"encoding_format\":\"base64\"}");
        } finally {
            async.close();
        }
    }

    @Test
    void theAsyncClientFailsTheFutureWithTheOfficialException() {
        server.enqueue(new MockResponse().setResponseCode(404).setHeader("Content-Type", "application/json")
                .setBody("{\"error\":{\"message\":\"The model `nope` does not exist\",\"type\":\"invalid_request_error\","
                        + "\"param\":null,\"code\":\"model_not_found\"}}"));
        OpenAIClientAsync async = server.asyncClient();
        try {
            assertThat(async.embeddings().create(EmbeddingCreateParams.builder().model("nope").input("a").build()))
                    .failsWithin(5, TimeUnit.SECONDS)
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause()
                    .isInstanceOf(NotFoundException.class)
                    .withMessageContaining("The model `nope` does not exist");
        } finally {
            async.close();
        }
    }

    /** Little-endian float32, base64: what the OpenAI API sends for encoding_format=base64. */
    static String base64(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : vector) buffer.putFloat(f);
        return Base64.getEncoder().encodeToString(buffer.array());
    }
}
