package dev.switchboard.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.core.JsonMissing;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonValueAdapter;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.testing.MockServer;
import dev.switchboard.testing.ServerPayloads;
import java.io.IOException;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Error answers become the official exceptions, by status, whatever dialect the server speaks:
 * each gives a message, and a code and type when the server sent them.
 */
class ErrorResponseTest {
    private static final ChatCompletionCreateParams PARAMS =
            ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("Hi").build();

    private final MockServer server = new MockServer();
    // No retries here: each test is about one answer.
    private final OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey("k").maxRetries(0).build();

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
    }

    private OpenAIServiceException failWith(int status, String body) {
        server.enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body));
        return catchThrowableOfType(OpenAIServiceException.class, () -> client.chat().completions().create(PARAMS));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "400, BadRequestException",
        "401, UnauthorizedException",
        "403, PermissionDeniedException",
        "404, NotFoundException",
        "422, UnprocessableEntityException",
        "429, RateLimitException",
        "500, InternalServerException",
        "502, InternalServerException",
        "503, InternalServerException",
        "504, InternalServerException",
        "402, UnexpectedStatusCodeException",
        "451, UnexpectedStatusCodeException",
    })
    void eachStatusIsItsOfficialException(int status, String exception) {
        OpenAIServiceException e = failWith(status, ServerPayloads.error("went wrong", "some_type", "some_code"));

        assertThat(e.getClass().getSimpleName()).isEqualTo(exception);
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e).hasMessage(status + ": went wrong");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void anOpenAiErrorGivesMessageTypeParamAndCode() {
        OpenAIServiceException e = failWith(400, """
                {"error":{"message":"Invalid value for 'temperature'.","type":"invalid_request_error",
                 "param":"temperature","code":"invalid_value"}}""");

        assertThat(e).isInstanceOf(BadRequestException.class).hasMessage("400: Invalid value for 'temperature'.");
        assertThat(e.type()).contains("invalid_request_error");
        assertThat(e.param()).contains("temperature");
        assertThat(e.code()).contains("invalid_value");
        assertThat(e.body()).isEqualTo(JsonValueAdapter.parse("""
                {"message":"Invalid value for 'temperature'.","type":"invalid_request_error",
                 "param":"temperature","code":"invalid_value"}"""));
    }

    @Test
    void aVllmErrorWithAnIntegerCodeGivesTheCodeAsText() {
        OpenAIServiceException e = failWith(400, """
                {"error":{"message":"This model's maximum context length is 4096 tokens.","type":"BadRequestError",
                 "param":null,"code":400}}""");

        assertThat(e).hasMessage("400: This model's maximum context length is 4096 tokens.");
        assertThat(e.type()).contains("BadRequestError");
        assertThat(e.code()).contains("400");
        assertThat(e.param()).isEmpty();
    }

    @Test
    void anOlderVllmErrorWithItsFieldsAtTheTopLevelIsRead() {
        OpenAIServiceException e = failWith(404, """
                {"object":"error","message":"The model `gpt-9` does not exist.","type":"NotFoundError",
                 "param":null,"code":404}""");

        assertThat(e).isInstanceOf(NotFoundException.class).hasMessage("404: The model `gpt-9` does not exist.");
        assertThat(e.type()).contains("NotFoundError");
        assertThat(e.code()).contains("404");
    }

    @Test
    void aLlamaCppErrorIsRead() {
        OpenAIServiceException e = failWith(400, """
                {"error":{"code":400,"message":"the request exceeds the available context size, try increasing it",
                 "type":"exceed_context_size_error","n_prompt_tokens":5000,"n_ctx":4096}}""");

        assertThat(e).hasMessage("400: the request exceeds the available context size, try increasing it");
        assertThat(e.type()).contains("exceed_context_size_error");
        assertThat(e.code()).contains("400");
        assertThat(((JsonObject) e.body()).values()).containsEntry("n_ctx", JsonValue.from(4096));
    }

    @Test
    void aTgiErrorWithAStringAndAnErrorTypeIsRead() {
        OpenAIServiceException e = failWith(422, """
                {"error":"Input validation error: `temperature` must be strictly positive","error_type":"validation"}""");

        assertThat(e).isInstanceOf(UnprocessableEntityException.class)
                .hasMessage("422: Input validation error: `temperature` must be strictly positive");
        assertThat(e.type()).contains("validation");
        assertThat(e.code()).isEmpty();
    }

    @Test
    void anOllamaErrorWithOnlyAStringIsRead() {
        OpenAIServiceException e = failWith(404, "{\"error\":\"model \\\"llama9\\\" not found, try pulling it first\"}");

        assertThat(e).isInstanceOf(NotFoundException.class)
                .hasMessage("404: model \"llama9\" not found, try pulling it first");
        assertThat(e.type()).contains("error");
        assertThat(e.code()).isEmpty();
    }

    @Test
    void aPlainTextErrorBodyIsTheMessage() {
        server.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
                .setBody("<html><body><h1>502 Bad Gateway</h1></body></html>\n"));

        assertThatThrownBy(() -> client.chat().completions().create(PARAMS))
                .isInstanceOfSatisfying(InternalServerException.class, e -> assertThat(e.statusCode()).isEqualTo(502))
                .hasMessage("502: <html><body><h1>502 Bad Gateway</h1></body></html>");
    }

    @Test
    void anEmptyErrorBodyIsUnknown() {
        server.enqueue(new MockResponse().setResponseCode(500));

        assertThatThrownBy(() -> client.chat().completions().create(PARAMS))
                .isInstanceOfSatisfying(InternalServerException.class, e -> {
                    assertThat(e.body()).isEqualTo(JsonMissing.of());
                    assertThat(e.code()).isEmpty();
                    assertThat(e.type()).isEmpty();
                })
                .hasMessage("500: Unknown");
    }

    @Test
    void aJsonErrorWithoutAMessageShowsTheWholeBody() {
        OpenAIServiceException e = failWith(500, "{\"detail\":\"Internal error\"}");

        assertThat(e).hasMessage("500: {\"detail\":\"Internal error\"}");
    }

    @Test
    void theResponseHeadersAndRequestIdAreKept() {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("x-request-id", "req_123")
                .setHeader("x-ratelimit-remaining-requests", "0")
                .setBody(ServerPayloads.error("Rate limit reached", "requests", "rate_limit_exceeded")));

        RateLimitException e = catchThrowableOfType(RateLimitException.class, () -> client.chat().completions().create(PARAMS));

        assertThat(e.requestId()).contains("req_123");
        assertThat(e.headers().values("X-RateLimit-Remaining-Requests")).containsExactly("0");
    }

    @Test
    void aRefusedStreamGivesTheSameExceptionAsARefusedCall() {
        server.enqueue(new MockResponse().setResponseCode(422).setBody(
                "{\"error\":\"Input validation error: `max_new_tokens` must be <= 4096\",\"error_type\":\"validation\"}"));

        assertThatThrownBy(() -> client.chat().completions().createStreaming(PARAMS))
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(e.type()).contains("validation"))
                .hasMessage("422: Input validation error: `max_new_tokens` must be <= 4096");
    }

    @Test
    void aServerThatCannotBeReachedIsAnIoException() throws IOException {
        MockWebServer gone = new MockWebServer();
        gone.start();
        String url = gone.url("/v1").toString();
        gone.shutdown();

        try (OpenAIClient unreachable = OpenAIOkHttpClient.builder().baseUrl(url).apiKey("k").maxRetries(0).build()) {
            assertThatThrownBy(() -> unreachable.chat().completions().create(PARAMS))
                    .isInstanceOf(OpenAIIoException.class)
                    .hasMessageStartingWith("POST /v1/chat/completions failed: Failed to connect to ")
                    .hasCauseInstanceOf(java.net.ConnectException.class);
        }
    }

    @Test
    void aSuccessfulAnswerThatIsNotJsonIsInvalidData() {
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody("<html>Welcome to nginx!</html>"));

        assertThatThrownBy(() -> client.chat().completions().create(PARAMS))
                .isInstanceOf(OpenAIInvalidDataException.class)
                .hasMessageStartingWith("POST /v1/chat/completions answered malformed JSON: ");
    }

    @Test
    void aSuccessfulAnswerWithAnEmptyBodyIsInvalidData() {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(""));

        assertThatThrownBy(() -> client.chat().completions().create(PARAMS))
                .isInstanceOf(OpenAIInvalidDataException.class)
                .hasMessage("POST /v1/chat/completions answered incomplete JSON: the body ended before its value did"
                        + " (an empty body, or one cut short)");
    }

    @Test
    void aSuccessfulAnswerWithCutOffJsonIsInvalidData() {
        server.enqueueJson("{\"id\":\"c\",\"choices\":[");

        assertThatThrownBy(() -> client.chat().completions().create(PARAMS))
                .isInstanceOf(OpenAIInvalidDataException.class)
                .hasMessageStartingWith("POST /v1/chat/completions answered incomplete JSON");
    }

    @Test
    void aSuccessfulAnswerThatIsNotAnObjectIsInvalidData() {
        server.enqueueJson("[\"not\", \"a\", \"completion\"]");

        assertThatThrownBy(() -> client.chat().completions().create(PARAMS))
                .isInstanceOf(OpenAIInvalidDataException.class)
                .hasMessage("Expected a chat completion object, got: [\"not\",\"a\",\"completion\"]");
    }

    @Test
    void aFailedCallLeavesTheClientUsable() {
        failWith(400, ServerPayloads.error("bad", "invalid_request_error", null));
        server.enqueueJson(ServerPayloads.completion("fine"));

        assertThat(client.chat().completions().create(PARAMS).choices().get(0).message().content()).contains("fine");
    }

    @Test
    void anExceptionCanBeRebuiltFromItsBuilder() {
        OpenAIServiceException e = failWith(400, ServerPayloads.error("bad", "invalid_request_error", "c"));

        BadRequestException copy = ((BadRequestException) e).toBuilder().build();

        assertThat(copy).hasMessage(e.getMessage());
        assertThat(copy.code()).contains("c");
        assertThat(copy.headers()).isEqualTo(e.headers());
        assertThat(JsonValue.from(copy.body())).isEqualTo(e.body());
    }
}
