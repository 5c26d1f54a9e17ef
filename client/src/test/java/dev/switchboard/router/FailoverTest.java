package dev.switchboard.router;

import static dev.switchboard.router.PoolHarness.params;
import static dev.switchboard.router.PoolHarness.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.errors.BadRequestException;
import dev.switchboard.errors.NoDeploymentAvailableException;
import dev.switchboard.errors.NotFoundException;
import dev.switchboard.errors.OpenAIException;
import dev.switchboard.errors.OpenAIInvalidDataException;
import dev.switchboard.errors.OpenAIIoException;
import dev.switchboard.errors.PermissionDeniedException;
import dev.switchboard.errors.UnauthorizedException;
import dev.switchboard.errors.UnprocessableEntityException;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.testing.MockServer;
import dev.switchboard.testing.ServerPayloads;
import dev.switchboard.testing.StrayErrors;
import io.reactivex.rxjava3.subscribers.TestSubscriber;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A pool of HTTP deployments: what fails over to the next deployment, and what ends the call. */
class FailoverTest {
    @RegisterExtension
    final StrayErrors strayErrors = new StrayErrors();

    private final PoolHarness pool = new PoolHarness();

    @AfterEach
    void close() {
        pool.close();
    }

    private static MockResponse status(int code) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                .setBody(ServerPayloads.error("status " + code, "error", null));
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 409, 429, 500, 502, 503, 504})
    void aRetryableStatusFailsOverToTheNextDeployment(int code) throws Exception {
        MockServer a = pool.server("a");
        MockServer b = pool.server("b");
        a.enqueue(status(code));
        b.enqueueJson(ServerPayloads.completion("from b"));

        assertThat(pool.chat("Hi")).isEqualTo("from b");
        assertThat(a.requestCount()).isEqualTo(1);
    }

    @Test
    void eachDeploymentIsSentItsOwnModel() throws Exception {
        MockServer a = pool.server("a");
        MockServer b = pool.server("b");
        a.enqueue(status(503));
        b.enqueueJson(ServerPayloads.completion("from b"));

        pool.chat("Hi");

        assertThat(a.takeRequest().getBody().readUtf8()).contains("\"model\":\"model-a\"");
        assertThat(b.takeRequest().getBody().readUtf8()).contains("\"model\":\"model-b\"");
    }

    @Test
    void aRequestTooDeepToWriteAsJsonFailsOnceWithoutReachingAnyDeployment() {
        MockServer a = pool.server("a");
        MockServer b = pool.server("b");
        JsonValue deep = JsonValue.from("leaf");
        for (int i = 0; i < 300; i++) deep = JsonValue.from(java.util.Map.of("a", deep));
        ChatCompletionCreateParams tooDeep = params("Hi").toBuilder().putAdditionalBodyProperty("deep", deep).build();

        assertThatThrownBy(() -> pool.core().chatCompletion(tooDeep, RequestOptions.none()).blockingGet())
                .isInstanceOf(OpenAIException.class)
                .isNotInstanceOf(OpenAIInvalidDataException.class)
                .hasMessageStartingWith("The request cannot be written as JSON: Nesting too deep at $.deep");
        assertThat(a.requestCount() + b.requestCount()).isZero();
        assertThat(pool.router().stats().deployments().stream().mapToLong(d -> d.requests()).sum())
                .as("attempts: another deployment cannot write it either").isLessThanOrEqualTo(1);
    }

    @Test
    void aRefusedConnectionFailsOverToTheNextDeployment() {
        pool.deadPort("a");
        pool.server("b").enqueueJson(ServerPayloads.completion("from b"));

        assertThat(pool.chat("Hi")).isEqualTo("from b");
    }

    @Test
    void aDisconnectInTheMiddleOfTheAnswerFailsOverToTheNextDeployment() {
        MockServer a = pool.server("a");
        MockServer b = pool.server("b");
        a.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                .setBody(ServerPayloads.completion("from a, cut off")).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        b.enqueueJson(ServerPayloads.completion("from b"));

        assertThat(pool.chat("Hi")).isEqualTo("from b");
        assertThat(a.requestCount()).isEqualTo(1);
    }

    @Test
    void aServerThatNeverAnswersTimesOutAndTheNextDeploymentAnswers() {
        MockServer a = pool.server("a");
        MockServer b = pool.server("b");
        a.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        b.enqueueJson(ServerPayloads.completion("from b"));

        assertThat(pool.chat("Hi")).isEqualTo("from b");
        assertThat(a.requestCount()).isEqualTo(1);
    }

    @Test
    void aMalformedAnswerFailsOverToTheNextDeployment() {
        MockServer a = pool.server("a");
        MockServer b = pool.server("b");
        a.enqueueJson("{\"choices\": [tru");
        b.enqueueJson(ServerPayloads.completion("from b"));

        assertThat(pool.chat("Hi")).isEqualTo("from b");
    }

    @Test
    void aDeploymentsOwnTimeoutFailsItOver() {
        MockServer a = pool.bareServer();
        pool.add(Deployment.builder().name("a").kind("vllm").baseUrl(a.baseUrl()).model("model-a")
                .timeout(Duration.ofMillis(100)).build());
        pool.server("b").enqueueJson(ServerPayloads.completion("from b"));
        a.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

        assertThat(pool.chat("Hi")).isEqualTo("from b");
        assertThat(pool.router().stats().deployment("a").orElseThrow().errorsByClass()).containsOnlyKeys("OpenAIIoException");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 422})
    void aFinalStatusEndsTheCallWithTheOfficialExceptionAndNoFailover(int code) {
        MockServer a = pool.server("a");
        MockServer b = pool.server("b");
        a.enqueue(status(code));

        Class<?> expected = code == 400 ? BadRequestException.class
                : code == 401 ? UnauthorizedException.class
                : code == 403 ? PermissionDeniedException.class
                : code == 404 ? NotFoundException.class
                : UnprocessableEntityException.class;
        assertThatThrownBy(() -> pool.chat("Hi")).isInstanceOf(expected).hasMessageContaining("status " + code);
        assertThat(b.requestCount()).isZero();
    }

    @Test
    void whenEveryDeploymentFailsTheErrorListsEachDeploymentsLastError() {
        MockServer a = pool.server("a");
        MockServer b = pool.server("b");
        pool.deadPort("c");
        a.enqueue(status(500));
        b.enqueue(status(503));

        assertThatThrownBy(() -> pool.chat("Hi"))
                .isInstanceOfSatisfying(NoDeploymentAvailableException.class, e -> {
                    assertThat(e.pool()).isEqualTo("text-generation");
                    assertThat(e.failures()).containsOnlyKeys("a", "b", "c");
                    assertThat(e.getMessage().split("\n")).satisfiesExactly(
                            line -> assertThat(line).isEqualTo("No deployment of 'text-generation' could answer:"),
                            line -> assertThat(line).startsWith("  a: InternalServerException (").contains("status 500"),
                            line -> assertThat(line).startsWith("  b: InternalServerException (").contains("status 503"),
                            line -> assertThat(line).startsWith("  c: OpenAIIoException ("));
                });
    }

    @Test
    void aPoolOfThreeWithThreeAttemptsTriesEachOnce() {
        MockServer a = pool.server("a");
        MockServer b = pool.server("b");
        MockServer c = pool.server("c");
        a.enqueue(status(500));
        b.enqueue(status(500));
        c.enqueue(status(500));

        assertThatThrownBy(() -> pool.chat("Hi")).isInstanceOf(NoDeploymentAvailableException.class);
        assertThat(new int[] {a.requestCount(), b.requestCount(), c.requestCount()}).containsExactly(1, 1, 1);
    }

    @Test
    void aPoolOfTwoUsesItsThirdAttemptOnTheFirstAgain() {
        MockServer a = pool.server("a");
        MockServer b = pool.server("b");
        a.enqueue(status(500));
        b.enqueue(status(500));
        a.enqueueJson(ServerPayloads.completion("from a, second time"));

        assertThat(pool.chat("Hi")).isEqualTo("from a, second time");
        assertThat(new int[] {a.requestCount(), b.requestCount()}).containsExactly(2, 1);
    }

    @Test
    void aStreamThatFailsBeforeItsFirstChunkFailsOverWithNothingLostOrRepeated() throws Exception {
        MockServer a = pool.server("a");
        MockServer b = pool.server("b");
        a.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        b.enqueueStream(ServerPayloads.chunk("Hello"), ServerPayloads.chunk(", world"), ServerPayloads.lastChunk("stop"));

        TestSubscriber<ChatCompletionChunk> chunks =
                pool.core().chatCompletionStream(params("Hi"), RequestOptions.none()).test();

        assertThat(chunks.await(10, TimeUnit.SECONDS)).isTrue();
        chunks.assertComplete();
        assertThat(text(chunks.values())).isEqualTo("Hello, world");
        assertThat(a.requestCount()).isEqualTo(1);
    }

    @Test
    void aStreamThatFailsAfterItsFirstChunkIsTheCallersErrorAndIsNotRepeatedElsewhere() throws Exception {
        MockServer a = pool.server("a");
        MockServer b = pool.server("b");
        // The server writes half the body and hangs up: the first chunk arrives, the rest never does.
        StringBuilder body = new StringBuilder("data: " + ServerPayloads.chunk("Hello") + "\n\n");
        for (int i = 0; i < 100; i++) body.append(": padding that the SSE reader skips\n");
        a.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream").setBody(body.toString())
                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));

        TestSubscriber<ChatCompletionChunk> chunks =
                pool.core().chatCompletionStream(params("Hi"), RequestOptions.none()).test();

        assertThat(chunks.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(text(chunks.values())).isEqualTo("Hello");
        chunks.assertError(OpenAIIoException.class);
        assertThat(b.requestCount()).isZero();
    }
}
