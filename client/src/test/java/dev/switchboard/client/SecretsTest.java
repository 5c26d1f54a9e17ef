package dev.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClientAsync;
import dev.switchboard.core.internal.JsonValueAdapter;
import dev.switchboard.errors.OpenAIServiceException;
import dev.switchboard.errors.UnauthorizedException;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.testing.MockServer;
import dev.switchboard.testing.ServerPayloads;
import dev.switchboard.testing.StrayErrors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The API key reaches the server and nothing else: no toString, no exception, no stderr. */
class SecretsTest {
    private static final String KEY = "sk-proj-SECRET0123456789abcdef";
    private static final ChatCompletionCreateParams PARAMS =
            ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("Hi").build();

    @RegisterExtension
    final StrayErrors strayErrors = new StrayErrors();

    private final MockServer server = new MockServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    /** Everything a throwable shows: its class, messages, causes and stack trace. */
    private static String shown(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private OpenAIClient client() {
        return OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey(KEY).maxRetries(0).build();
    }

    @Test
    void theKeyIsSentToTheServer() {
        server.enqueueJson(ServerPayloads.completion("ok"));
        try (OpenAIClient client = client()) {
            client.chat().completions().create(PARAMS);
        }

        assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void clientsAndBuildersDoNotShowTheKey() {
        OpenAIOkHttpClient.Builder builder = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey(KEY)
                .organization("org-1").putHeader("api-key", KEY);
        OpenAIOkHttpClientAsync.Builder asyncBuilder = OpenAIOkHttpClientAsync.builder().apiKey(KEY);

        try (OpenAIClient client = builder.build(); OpenAIClientAsync async = asyncBuilder.build()) {
            assertThat(builder.toString()).doesNotContain(KEY).contains("apiKey=set");
            assertThat(asyncBuilder.toString()).doesNotContain(KEY);
            assertThat(client.toString()).doesNotContain(KEY);
            assertThat(client.async().toString()).doesNotContain(KEY);
            assertThat(async.toString()).doesNotContain(KEY);
            assertThat(((OpenAIClientImpl) client).core().router().toString()).doesNotContain(KEY);
        }
    }

    @Test
    void paramsDoNotShowACredentialTheyCarry() {
        ChatCompletionCreateParams params = PARAMS.toBuilder()
                .putAdditionalHeader("Authorization", "Bearer " + KEY)
                .putAdditionalQueryParam("api-key", KEY)
                .build();

        assertThat(params.toString()).doesNotContain(KEY);
        assertThat(params._additionalHeaders().toString()).doesNotContain(KEY);
        assertThat(params._additionalQueryParams().toString()).doesNotContain(KEY);
    }

    @Test
    void aServerEchoingTheKeyInAnErrorHasItMasked() {
        server.enqueue(new MockResponse().setResponseCode(401).setHeader("Content-Type", "application/json").setBody(
                "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + ".\",\"type\":\"invalid_request_error\","
                        + "\"param\":null,\"code\":\"invalid_api_key\"}}"));

        Throwable e;
        try (OpenAIClient client = client()) {
            e = catchThrowable(() -> client.chat().completions().create(PARAMS));
        }

        assertThat(e).isInstanceOf(UnauthorizedException.class).hasMessage("401: Incorrect API key provided: ***.");
        assertThat(shown(e)).doesNotContain(KEY);
        assertThat(JsonValueAdapter.toJsonString(((OpenAIServiceException) e).body())).doesNotContain(KEY);
        assertThat(((OpenAIServiceException) e).code()).contains("invalid_api_key");
    }

    @Test
    void aStreamRefusedWithTheKeyEchoedHasItMaskedToo() {
        server.enqueue(new MockResponse().setResponseCode(403).setBody("key " + KEY + " may not use this model"));

        Throwable e;
        try (OpenAIClient client = client()) {
            e = catchThrowable(() -> client.chat().completions().createStreaming(PARAMS));
        }

        assertThat(e).hasMessage("403: key *** may not use this model");
        assertThat(shown(e)).doesNotContain(KEY);
    }

    @Test
    void aKeySentAsAHeaderOfItsOwnIsMaskedAsWell() {
        server.enqueue(new MockResponse().setResponseCode(401).setBody("{\"error\":\"bad api-key " + KEY + "\"}"));

        Throwable e;
        try (OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).putHeader("api-key", KEY)
                .maxRetries(0).build()) {
            e = catchThrowable(() -> client.chat().completions().create(PARAMS));
        }

        assertThat(e).hasMessage("401: bad api-key ***");
    }

    @Test
    void aConnectionFailureDoesNotShowTheKeyOrTheQuery() throws IOException {
        MockWebServer gone = new MockWebServer();
        gone.start();
        String url = gone.url("/v1").toString();
        gone.shutdown();

        Throwable e;
        try (OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(url).apiKey(KEY).putQueryParam("api-key", KEY)
                .maxRetries(0).build()) {
            e = catchThrowable(() -> client.chat().completions().create(PARAMS));
        }

        assertThat(e).hasMessageStartingWith("POST /v1/chat/completions failed: ");
        assertThat(shown(e)).doesNotContain(KEY);
    }

    @Test
    void aTimeoutDoesNotShowTheKey() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

        Throwable e;
        try (OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey(KEY)
                .putQueryParam("api-key", KEY).timeout(Duration.ofMillis(200)).maxRetries(0).build()) {
            e = catchThrowable(() -> client.chat().completions().create(PARAMS));
        }

        assertThat(e).hasMessage("POST /v1/chat/completions timed out");
        assertThat(shown(e)).doesNotContain(KEY);
    }

    @Test
    void aShortPlaceholderKeyIsNotMaskedInOrdinaryText() {
        server.enqueue(new MockResponse().setResponseCode(404).setBody("{\"error\":\"model \\\"llama9\\\" not found\"}"));

        Throwable e;
        try (OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey("model")
                .maxRetries(0).build()) {
            e = catchThrowable(() -> client.chat().completions().create(PARAMS));
        }

        assertThat(e).hasMessage("404: model \"llama9\" not found");
    }
}
