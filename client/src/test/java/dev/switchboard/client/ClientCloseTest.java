package dev.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.core.http.StreamResponse;
import dev.switchboard.errors.OpenAIIoException;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.testing.ConnectionCuts;
import dev.switchboard.testing.MockServer;
import dev.switchboard.testing.ServerPayloads;
import dev.switchboard.testing.StrayErrors;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What closing a client does to the calls still running on it. */
class ClientCloseTest {
    private static final ChatCompletionCreateParams PARAMS =
            ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("Hi").build();

    @RegisterExtension
    final StrayErrors strayErrors = new StrayErrors();

    private final MockServer server = new MockServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    private void enqueueLongSlowStream() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 2000; i++) body.append("data: ").append(ServerPayloads.chunk("word ")).append("\n\n");
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream").setBody(body.toString())
                .throttleBody(1024, 10, TimeUnit.MILLISECONDS));
    }

    @Test
    void closingTheClientCancelsAStreamStillBeingRead() throws Exception {
        enqueueLongSlowStream();
        OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey("k").build();
        StreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(PARAMS);
        Iterator<ChatCompletionChunk> chunks = response.stream().iterator();
        chunks.next();
        CompletableFuture<Long> rest = CompletableFuture.supplyAsync(() -> {
            long n = 0;
            while (chunks.hasNext()) {
                chunks.next();
                n++;
            }
            return n;
        });

        try (ConnectionCuts cuts = ConnectionCuts.watch(server.server)) {
            client.close();

            assertThat(cuts.awaitCut(10)).as("the server saw the stream cut").isTrue();
        }
        assertThat(rest).failsWithin(10, TimeUnit.SECONDS)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(OpenAIIoException.class)
                .withMessage("POST /v1/chat/completions stream broke off: the client was closed");
        response.close();
    }

    @Test
    void closingAClientBuiltOnAGivenOkHttpClientLeavesItsOtherCallsAlone() throws Exception {
        enqueueLongSlowStream();
        OkHttpClient given = new OkHttpClient();
        OpenAIClient first = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey("k").okHttpClient(given).build();
        OpenAIClient second = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey("k").okHttpClient(given).build();

        try (StreamResponse<ChatCompletionChunk> response = second.chat().completions().createStreaming(PARAMS)) {
            Iterator<ChatCompletionChunk> chunks = response.stream().iterator();
            chunks.next();

            first.close();

            assertThat(chunks.next().choices().get(0).delta().content()).contains("word ");
        } finally {
            second.close();
            given.dispatcher().executorService().shutdown();
        }
    }

    @Test
    void aCallCancelledByCloseIsNotTriedAgain() throws Exception {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        server.enqueueJson(ServerPayloads.completion("too late"));
        OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey("k")
                .retryPolicy(MockServer.NO_WAIT).build();
        CompletableFuture<ChatCompletion> call = CompletableFuture.supplyAsync(() -> client.chat().completions().create(PARAMS));
        server.takeRequest();

        client.close();

        assertThat(call).failsWithin(10, TimeUnit.SECONDS)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(OpenAIIoException.class);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aCallAfterCloseFailsSayingSo() {
        OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey("k").build();
        client.close();

        assertThatThrownBy(() -> client.chat().completions().create(PARAMS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The client is closed: no call can start after close()");
        assertThatThrownBy(() -> client.chat().completions().createStreaming(PARAMS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The client is closed: no call can start after close()");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void closingTwiceIsHarmless() {
        OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey("k").build();

        client.close();
        client.close();
    }
}
