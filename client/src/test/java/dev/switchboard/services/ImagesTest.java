package dev.switchboard.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.OpenAIClientAsync;
import dev.switchboard.core.JsonValue;
import dev.switchboard.errors.BadRequestException;
import dev.switchboard.errors.OpenAIInvalidDataException;
import dev.switchboard.models.images.Image;
import dev.switchboard.models.images.ImageGenerateParams;
import dev.switchboard.models.images.ImageModel;
import dev.switchboard.models.images.ImagesResponse;
import dev.switchboard.testing.MockServer;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImagesTest {
    /** The first bytes of a PNG file. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final String PNG_BASE64 = Base64.getEncoder().encodeToString(PNG);

    private static final String DALL_E_3_URLS = """
            {
              "created": 1713833628,
              "data": [
                {
                  "revised_prompt": "A fluffy baby sea otter floating on its back in calm blue water.",
                  "url": "https://oaidalleapiprodscus.blob.core.windows.net/private/img-1.png?st=2024"
                }
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
    void theRequestIsTheOfficialJsonBody() {
        server.enqueueJson(DALL_E_3_URLS);

        client.images().generate(ImageGenerateParams.builder()
                .responseFormat(ImageGenerateParams.ResponseFormat.URL)
                .size(ImageGenerateParams.Size._512X512)
                .n(2)
                .model(ImageModel.DALL_E_2)
                .prompt("A cute baby sea otter")
                .build());

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/v1/images/generations");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sk-test-secret");
        assertThat(request.getBody().readUtf8()).isEqualTo("{\"prompt\":\"A cute baby sea otter\",\"model\":\"dall-e-2\","
                + "\"n\":2,\"response_format\":\"url\",\"size\":\"512x512\"}");
    }

    @Test
    void qualityStyleAndUserAreSentAsGiven() {
        server.enqueueJson(DALL_E_3_URLS);

        client.images().generate(ImageGenerateParams.builder()
                .user("user-1234")
                .style(ImageGenerateParams.Style.NATURAL)
                .quality(ImageGenerateParams.Quality.HD)
                .size(ImageGenerateParams.Size._1792X1024)
                .model(ImageModel.DALL_E_3)
                .prompt("A lighthouse at dusk")
                .build());

        assertThat(server.takeRequest().getBody().readUtf8()).isEqualTo("{\"prompt\":\"A lighthouse at dusk\","
                + "\"model\":\"dall-e-3\",\"quality\":\"hd\",\"size\":\"1792x1024\",\"style\":\"natural\",\"user\":\"user-1234\"}");
    }

    @Test
    void withoutAModelTheRequestGoesToTheDefaultEndpointWithoutOne() {
        server.enqueueJson(DALL_E_3_URLS);

        client.images().generate(ImageGenerateParams.builder().prompt("A cute baby sea otter").build());

        assertThat(server.takeRequest().getBody().readUtf8()).isEqualTo("{\"prompt\":\"A cute baby sea otter\"}");
    }

    @Test
    void urlAnswersGiveTheUrlsAndRevisedPrompts() {
        server.enqueueJson(DALL_E_3_URLS);

        ImagesResponse response = client.images().generate(
                ImageGenerateParams.builder().prompt("A cute baby sea otter").model(ImageModel.DALL_E_3).build());

        assertThat(response.created()).isEqualTo(1713833628L);
        Image image = response.data().orElseThrow().get(0);
        assertThat(image.url()).contains("https://oaidalleapiprodscus.blob.core.windows.net/private/img-1.png?st=2024");
        assertThat(image.revisedPrompt()).contains("A fluffy baby sea otter floating on its back in calm blue water.");
        assertThat(image.b64Json()).isEmpty();
        assertThat(response.isValid()).isTrue();
    }

    @Test
    void base64AnswersGiveTheImageBytesAndTheirMetadata() {
        server.enqueueJson("""
                {
                  "created": 1745000000,
                  "background": "opaque",
                  "data": [{"b64_json": "%s"}],
                  "output_format": "png",
                  "quality": "high",
                  "size": "1024x1024",
                  "usage": {
                    "input_tokens": 50,
                    "input_tokens_details": {"image_tokens": 0, "text_tokens": 50},
                    "output_tokens": 4160,
                    "total_tokens": 4210
                  }
                }""".formatted(PNG_BASE64));

        ImagesResponse response = client.images().generate(ImageGenerateParams.builder()
                .prompt("A cute baby sea otter")
                .model(ImageModel.GPT_IMAGE_1)
                .build());

        Image image = response.data().orElseThrow().get(0);
        assertThat(Base64.getDecoder().decode(image.b64Json().orElseThrow())).isEqualTo(PNG);
        assertThat(image.url()).isEmpty();
        assertThat(response.background()).contains(ImagesResponse.Background.OPAQUE);
        assertThat(response.outputFormat()).contains(ImagesResponse.OutputFormat.PNG);
        assertThat(response.quality()).contains(ImagesResponse.Quality.HIGH);
        assertThat(response.size()).contains(ImagesResponse.Size._1024X1024);
        assertThat(response.usage().orElseThrow().totalTokens()).isEqualTo(4210);
        assertThat(response.isValid()).isTrue();
    }

    @Test
    void b64JsonIsAskedForAndReadFromAStableDiffusionServer() {
        // stable-diffusion.cpp's sd-server: no usage, an output format, nothing else.
        server.enqueueJson("{\"created\":1755000000,\"data\":[{\"b64_json\":\"" + PNG_BASE64 + "\"}],\"output_format\":\"png\"}");

        ImagesResponse response = client.images().generate(ImageGenerateParams.builder()
                .prompt("a lovely cat")
                .model("sd-v1-5")
                .responseFormat(ImageGenerateParams.ResponseFormat.B64_JSON)
                .size(ImageGenerateParams.Size._512X512)
                .build());

        assertThat(server.takeRequest().getBody().readUtf8()).isEqualTo("{\"prompt\":\"a lovely cat\",\"model\":\"sd-v1-5\","
                + "\"response_format\":\"b64_json\",\"size\":\"512x512\"}");
        assertThat(Base64.getDecoder().decode(response.data().orElseThrow().get(0).b64Json().orElseThrow())).isEqualTo(PNG);
        assertThat(response.usage()).isEmpty();
    }

    @Test
    void fieldsBeyondTheOfficialSchemaAreKept() {
        // LocalAI: an id, an index and a null embedding on each image, chat-style usage.
        server.enqueueJson("""
                {"created":1712345678,"id":"c6b6b6f4-0f5e-4bd8-9d32-6d8f5c0e8c21",
                 "data":[{"embedding":null,"index":0,"url":"http://localhost:8080/generated-images/b64.png"}],
                 "usage":{"prompt_tokens":0,"completion_tokens":0,"total_tokens":0}}""");

        ImagesResponse response = client.images().generate(
                ImageGenerateParams.builder().prompt("a cat").model("stablediffusion").build());

        Image image = response.data().orElseThrow().get(0);
        assertThat(image.url()).contains("http://localhost:8080/generated-images/b64.png");
        assertThat(image._additionalProperties()).containsEntry("index", JsonValue.from(0));
        assertThat(response._additionalProperties()).containsEntry("id", JsonValue.from("c6b6b6f4-0f5e-4bd8-9d32-6d8f5c0e8c21"));
        assertThatThrownBy(() -> response.usage().orElseThrow().inputTokens())
                .isInstanceOf(OpenAIInvalidDataException.class)
                .hasMessage("`input_tokens` is not present");
    }

    @Test
    void aMissingCreationTimeIsTheTimeTheAnswerArrived() {
        server.enqueueJson("{\"data\":[{\"b64_json\":\"" + PNG_BASE64 + "\"}]}");
        long before = System.currentTimeMillis() / 1000;

        ImagesResponse response = client.images().generate(
                ImageGenerateParams.builder().prompt("a cat").model("flux").build());

        assertThat(response.created()).isBetween(before, System.currentTimeMillis() / 1000);
    }

    @Test
    void aRefusedPromptIsTheOfficialExceptionWithItsCode() {
        server.enqueue(new MockResponse().setResponseCode(400).setHeader("Content-Type", "application/json")
                .setBody("{\"error\":{\"code\":\"content_policy_violation\",\"message\":\"Your request was rejected as a "
                        + "result of our safety system.\",\"param\":null,\"type\":\"invalid_request_error\"}}"));

        assertThatThrownBy(() -> client.images().generate(
                        ImageGenerateParams.builder().prompt("…").model(ImageModel.DALL_E_3).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.code()).contains("content_policy_violation");
                    assertThat(e.getMessage()).contains("Your request was rejected as a result of our safety system.");
                });
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void theAsyncClientSendsTheSameBodyAndReadsTheSameImages() throws Exception {
        server.enqueueJson(DALL_E_3_URLS);
        OpenAIClientAsync async = server.asyncClient();
        try {
            ImagesResponse response = async.images().generate(ImageGenerateParams.builder()
                            .prompt("A cute baby sea otter")
                            .model(ImageModel.DALL_E_2)
                            .n(1)
                            .size(ImageGenerateParams.Size._512X512)
                            .responseFormat(ImageGenerateParams.ResponseFormat.URL)
                            .build())
                    .get(5, TimeUnit.SECONDS);

            assertThat(response.data().orElseThrow()).extracting(image -> image.url().orElseThrow())
                    .containsExactly("https://oaidalleapiprodscus.blob.core.windows.net/private/img-1.png?st=2024");
            assertThat(server.takeRequest().getBody().readUtf8()).isEqualTo("{\"prompt\":\"A cute baby sea otter\","
                    + "\"model\":\"dall-e-2\",\"n\":1,\"response_format\":\"url\",\"size\":\"512x512\"}");
        } finally {
            async.close();
        }
    }
}
