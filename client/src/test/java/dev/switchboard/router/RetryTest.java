package dev.switchboard.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.backend.openai.OpenAiCompatibleBackend;
import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.errors.BadRequestException;
import dev.switchboard.errors.InternalServerException;
import dev.switchboard.errors.OpenAIIoException;
import dev.switchboard.errors.OpenAIServiceException;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.testing.MockServer;
import dev.switchboard.testing.ServerPayloads;
import io.reactivex.rxjava3.observers.TestObserver;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Retries as the server counts them: the router's loop is the only one (OkHttp's is off), it tries
 * twice more on the official SDK's retryable failures, and never on final ones. Waits are zero here
 * (MockServer.NO_WAIT); their lengths are RetryPolicyTest's and RouterRetryTest's business.
 */
class RetryTest {
    private static final ChatCompletionCreateParams PARAMS =
            ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("Hi").build();

    private final MockServer server = new MockServer();
    private final OpenAIClient client = server.client();

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
    }

    private static MockResponse status(int code) {
        return new MockResponse().setResponseCode(code).setBody(ServerPayloads.error("status " + code, "error", null));
    }

    private String ask(OpenAIClient c) {
        return c.chat().completions().create(PARAMS).choices().get(0).message().content().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {408, 409, 429, 500, 502, 503, 504})
    void aRetryableStatusIsTriedAgain(int code) {
        server.enqueue(status(code)).enqueueJson(ServerPayloads.completion("second time lucky"));

        assertThat(ask(client)).isEqualTo("second time lucky");
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {400, 401, 403, 404, 422})
    void aFinalStatusIsNotTriedAgain(int code) {
        server.enqueue(status(code)).enqueueJson(ServerPayloads.completion("never read"));

        assertThatThrownBy(() -> ask(client)).isInstanceOf(OpenAIServiceException.class).hasMessage(code + ": status " + code);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void afterTwoRetriesTheLastFailureIsThrownAsItIs() {
        server.enqueue(status(500)).enqueue(status(503)).enqueue(status(502));

        assertThatThrownBy(() -> ask(client))
                .isInstanceOfSatisfying(InternalServerException.class, e -> assertThat(e.statusCode()).isEqualTo(502))
                .hasMessage("502: status 502");
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void maxRetriesSetsHowOftenACallIsTriedAgain() {
        for (int i = 0; i < 6; i++) server.enqueue(status(500));
        try (OpenAIClient patient = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey("k")
                .retryPolicy(MockServer.NO_WAIT).maxRetries(5).build()) {
            assertThatThrownBy(() -> ask(patient)).isInstanceOf(InternalServerException.class);
        }
        assertThat(server.requestCount()).isEqualTo(6);
    }

    @Test
    void noRetriesMeansOneAttempt() {
        server.enqueue(status(500)).enqueueJson(ServerPayloads.completion("never read"));
        try (OpenAIClient once = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey("k").maxRetries(0).build()) {
            assertThatThrownBy(() -> ask(once)).isInstanceOf(InternalServerException.class);
        }
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void theServerCanForbidARetry() {
        server.enqueue(status(503).setHeader("x-should-retry", "false")).enqueueJson(ServerPayloads.completion("never read"));

        assertThatThrownBy(() -> ask(client)).isInstanceOf(InternalServerException.class);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void theServerCanAskForARetryOfAFinalStatus() {
        server.enqueue(status(400).setHeader("x-should-retry", "true")).enqueueJson(ServerPayloads.completion("retried"));

        assertThat(ask(client)).isEqualTo("retried");
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void anUnknownShouldRetryValueLeavesTheDecisionToTheStatus() {
        server.enqueue(status(503).setHeader("x-should-retry", "maybe")).enqueueJson(ServerPayloads.completion("retried"));

        assertThat(ask(client)).isEqualTo("retried");
    }

    @Test
    void aDroppedConnectionIsTriedAgain() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST))
                .enqueueJson(ServerPayloads.completion("reconnected"));

        assertThat(ask(client)).isEqualTo("reconnected");
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void okHttpDoesNotRetryOnItsOwn() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST))
                .enqueueJson(ServerPayloads.completion("never read"));
        // An OkHttpClient with OkHttp's own retries on, as every new one has.
        OkHttpClient retrying = new OkHttpClient.Builder().retryOnConnectionFailure(true).build();
        try (OpenAIClient once = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey("k")
                .okHttpClient(retrying).maxRetries(0).build()) {
            assertThatThrownBy(() -> ask(once)).isInstanceOf(OpenAIIoException.class);
        } finally {
            retrying.dispatcher().executorService().shutdown();
        }
        assertThat(server.requestCount()).as("attempts the server saw").isEqualTo(1);
    }

    @Test
    void aMalformedAnswerIsTriedAgain() {
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody("<html>bad gateway</html>"))
                .enqueueJson(ServerPayloads.completion("well formed"));

        assertThat(ask(client)).isEqualTo("well formed");
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void aRetrySendsTheSameRequest() {
        server.enqueue(status(500)).enqueueJson(ServerPayloads.completion("ok"));
        ask(client);

        List<String> bodies = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            RecordedRequest request = server.takeRequest();
            bodies.add(request.getBody().readUtf8());
            paths.add(request.getPath());
        }
        assertThat(bodies.get(1)).isEqualTo(bodies.get(0));
        assertThat(paths.get(1)).isEqualTo(paths.get(0));
    }

    @Test
    void aRetryableFailureThatKeepsComingIsNotHiddenBehindALaterFinalOne() {
        server.enqueue(status(429)).enqueue(status(400));

        assertThatThrownBy(() -> ask(client)).isInstanceOf(BadRequestException.class).hasMessage("400: status 400");
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void retriesWithoutAWaitLeaveTheNextAttemptUndisturbed() {
        // Each retry runs on a timer's thread; a timer disposed from inside its own task once
        // interrupted that thread, failing the next attempt's HTTP call now and then.
        for (int call = 0; call < 40; call++) {
            server.enqueue(status(503)).enqueueJson(ServerPayloads.completion("answer " + call));

            assertThat(ask(client)).isEqualTo("answer " + call);
        }
        assertThat(server.requestCount()).isEqualTo(80);
    }

    @Test
    void streamRetriesWithoutAWaitLeaveTheNextAttemptUndisturbed() {
        for (int call = 0; call < 40; call++) {
            server.enqueue(status(503)).enqueueStream(ServerPayloads.chunk("answer " + call), ServerPayloads.lastChunk("stop"));

            try (var response = client.chat().completions().createStreaming(PARAMS)) {
                assertThat(response.stream().count()).isEqualTo(2);
            }
        }
        assertThat(server.requestCount()).isEqualTo(80);
    }

    /**
     * Answers {@code refusal}, then a completion, to a call through the client's own backend behind
     * a router on virtual time: the Retry-After headers read off the wire decide how long it waits.
     */
    private void assertWaitedExactly(long millis, MockResponse refusal) {
        server.enqueue(refusal).enqueueJson(ServerPayloads.completion("after the wait"));
        TestScheduler time = new TestScheduler();
        OpenAiCompatibleBackend backend = OpenAiCompatibleBackend.builder().baseUrl(server.baseUrl()).build();
        try (Router router = Router.builder()
                .defaultDeployment(Deployment.builder().name("default").backend(backend).build())
                .scheduler(time)
                .clock(Clock.fixed(Instant.parse("2025-01-01T12:00:00Z"), ZoneOffset.UTC))
                .random(() -> 0)
                .build()) {
            TestObserver<ChatCompletion> result = router.<ChatCompletion>single(Capability.CHAT, "gpt-4o-mini",
                    (target, model) -> target.chatCompletion(PARAMS, RequestOptions.none())).test();

            assertThat(server.requestCount()).isEqualTo(1);
            time.advanceTimeBy(millis - 1, TimeUnit.MILLISECONDS);
            assertThat(server.requestCount()).as("attempts before the wait is over").isEqualTo(1);
            time.advanceTimeBy(1, TimeUnit.MILLISECONDS);
            result.awaitDone(10, TimeUnit.SECONDS).assertComplete();
            assertThat(server.requestCount()).isEqualTo(2);
        }
    }

    @Test
    void theServersRetryAfterInSecondsDecidesTheWait() {
        assertWaitedExactly(2000, status(429).setHeader("Retry-After", "2"));
    }

    @Test
    void theServersRetryAfterMsDecidesTheWait() {
        assertWaitedExactly(1250, status(429).setHeader("retry-after-ms", "1250").setHeader("Retry-After", "7"));
    }

    @Test
    void theServersRetryAfterDateDecidesTheWait() {
        assertWaitedExactly(3000, status(503).setHeader("Retry-After", "Wed, 01 Jan 2025 12:00:03 GMT"));
    }

    @Test
    void withoutRetryAfterTheWaitIsTheBackoff() {
        assertWaitedExactly(500, status(500));
    }

    @Test
    void asyncCallsAreRetriedByTheSameLoop() throws Exception {
        server.enqueue(status(503)).enqueueJson(ServerPayloads.completion("async retried"));

        String answer = client.async().chat().completions().create(PARAMS).get(10, TimeUnit.SECONDS)
                .choices().get(0).message().content().orElseThrow();

        assertThat(answer).isEqualTo("async retried");
        assertThat(server.requestCount()).isEqualTo(2);
    }
}
