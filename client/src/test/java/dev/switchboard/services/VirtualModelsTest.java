package dev.switchboard.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.backend.openai.OpenAiCompatibleBackend;
import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.OpenAIClientImpl;
import dev.switchboard.client.internal.ClientCore;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.core.http.HttpResponse;
import dev.switchboard.models.audio.speech.SpeechCreateParams;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateParams;
import dev.switchboard.models.embeddings.EmbeddingCreateParams;
import dev.switchboard.models.images.ImageGenerateParams;
import dev.switchboard.router.Deployment;
import dev.switchboard.router.Pool;
import dev.switchboard.router.Router;
import dev.switchboard.testing.MockServer;
import java.util.List;
import java.util.concurrent.Executors;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A virtual model name (a pool) reaches the server as its deployment's real model, the rest of the request unchanged. */
class VirtualModelsTest {
    private final MockServer server = new MockServer();
    private final OpenAIClient client = pooledClient();

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    private OpenAIClient pooledClient() {
        OpenAiCompatibleBackend backend = OpenAiCompatibleBackend.builder().name("vllm").baseUrl(server.baseUrl()).build();
        Router router = Router.builder()
                .addPool(pool("embeddings", backend, "BAAI/bge-m3"))
                .addPool(pool("speech", backend, "kokoro"))
                .addPool(pool("transcription", backend, "whisper-large-v3"))
                .addPool(pool("images", backend, "sd-v1-5"))
                .retryPolicy(MockServer.NO_WAIT)
                .build();
        return new OpenAIClientImpl(new ClientCore(router, RequestOptions.none(), Executors.newCachedThreadPool(), () -> {}));
    }

    private static Pool pool(String name, OpenAiCompatibleBackend backend, String model) {
        return Pool.of(name, List.of(Deployment.builder().name(name + "-1").backend(backend).model(model).build()));
    }

    @Test
    void embeddingsGoOutAsTheRealModel() {
        server.enqueueJson("{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":[1.0]}],"
                + "\"model\":\"BAAI/bge-m3\",\"usage\":{\"prompt_tokens\":1,\"total_tokens\":1}}");

        client.embeddings().create(EmbeddingCreateParams.builder().model("embeddings").input("hello").dimensions(512).build());

        assertThat(server.takeRequest().getBody().readUtf8()).isEqualTo(
                "{\"input\":\"hello\",\"model\":\"BAAI/bge-m3\",\"dimensions\":512,\"encoding_format\":\"base64\"}");
    }

    @Test
    void speechGoesOutAsTheRealModel() {
        server.enqueue(new MockResponse().setHeader("Content-Type", "audio/wav").setBody("RIFF"));

        try (HttpResponse response = client.audio().speech().create(
                SpeechCreateParams.builder().model("speech").input("Hello").voice("af_heart").build())) {
            assertThat(response.statusCode()).isEqualTo(200);
        }

        assertThat(server.takeRequest().getBody().readUtf8()).isEqualTo(
                "{\"input\":\"Hello\",\"model\":\"kokoro\",\"voice\":\"af_heart\"}");
    }

    @Test
    void transcriptionsGoOutAsTheRealModelWithTheSameFile() {
        server.enqueueJson("{\"text\":\"Hello\"}");

        client.audio().transcriptions().create(TranscriptionCreateParams.builder()
                .model("transcription").file(new byte[] {'f', 'L', 'a', 'C'}).language("de").build());

        assertThat(TranscriptionsTest.parts(server.takeRequest())).extracting(Object::toString).containsExactly(
                "form-data; name=\"file\"; filename=\"audio.flac\" (application/octet-stream): fLaC",
                "form-data; name=\"model\" (text/plain; charset=utf-8): whisper-large-v3",
                "form-data; name=\"language\" (text/plain; charset=utf-8): de");
    }

    @Test
    void imagesGoOutAsTheRealModel() {
        server.enqueueJson("{\"created\":1,\"data\":[{\"b64_json\":\"iVBORw==\"}]}");

        client.images().generate(ImageGenerateParams.builder().model("images").prompt("a cat").n(1).build());

        assertThat(server.takeRequest().getBody().readUtf8()).isEqualTo(
                "{\"prompt\":\"a cat\",\"model\":\"sd-v1-5\",\"n\":1}");
    }
}
