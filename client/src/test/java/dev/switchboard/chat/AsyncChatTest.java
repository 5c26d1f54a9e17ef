package dev.switchboard.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.OpenAIClientAsync;
import dev.switchboard.client.okhttp.OpenAIOkHttpClientAsync;
import dev.switchboard.core.http.AsyncStreamResponse;
import dev.switchboard.errors.NotFoundException;
import dev.switchboard.errors.SseException;
import dev.switchboard.errors.UnauthorizedException;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.testing.ConnectionCuts;
import dev.switchboard.testing.MockServer;
import dev.switchboard.testing.ServerPayloads;
import dev.switchboard.testing.StrayErrors;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The async client: CompletableFutures and AsyncStreamResponse, as the official SDK offers them. */
class AsyncChatTest {
    private static final ChatCompletionCreateParams PARAMS =
            ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("Hi").build();
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final StrayErrors strayErrors = new StrayErrors();

    private final MockServer server = new MockServer();
    private final OpenAIClientAsync client = server.asyncClient();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "my-handler-thread"));

    @AfterEach
    void tearDown() {
        executor.shutdownNow();
        client.close();
        server.close();
    }

    /** Records what a stream hands its handler. */
    private static final class Recorder implements AsyncStreamResponse.Handler<ChatCompletionChunk> {
        final List<String> contents = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();
        final CompletableFuture<Optional<Throwable>> completed = new CompletableFuture<>();
        final CountDownLatch firstChunk = new CountDownLatch(1);

        @Override
        public void onNext(ChatCompletionChunk chunk) {
            threads.add(Thread.currentThread().getName());
            chunk.choices().forEach(c -> contents.add(c.delta().content().orElse("")));
            firstChunk.countDown();
        }

        @Override
        public void onComplete(Optional<Throwable> error) {
            threads.add(Thread.currentThread().getName());
            if (!completed.complete(error)) throw new AssertionError("onComplete called twice");
        }

        Optional<Throwable> awaitCompletion() throws Exception {
            return completed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void createGivesAFutureOfTheCompletion() {
        server.enqueueJson(ServerPayloads.completion("Hello!"));

        CompletableFuture<ChatCompletion> future = client.chat().completions().create(PARAMS);

        assertThat(future).succeedsWithin(WAIT)
                .satisfies(c -> assertThat(c.choices().get(0).message().content()).contains("Hello!"));
    }

    @Test
    void aFailedCallCompletesTheFutureWithTheOfficialException() {
        server.enqueue(new MockResponse().setResponseCode(404)
                .setBody(ServerPayloads.error("The model `gpt-9` does not exist", "invalid_request_error", "model_not_found")));

        CompletableFuture<ChatCompletion> future = client.chat().completions().create(PARAMS);

        assertThat(future).failsWithin(WAIT)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(NotFoundException.class)
                .withMessage("404: The model `gpt-9` does not exist");
    }

    @Test
    void createReturnsBeforeTheServerAnswers() throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                .setBody(ServerPayloads.completion("late")).setHeadersDelay(2, TimeUnit.SECONDS));

        CompletableFuture<ChatCompletion> future = client.chat().completions().create(PARAMS);

        assertThat(future).isNotDone();
        assertThat(future.get(10, TimeUnit.SECONDS).choices()).hasSize(1);
    }

    @Test
    void cancellingTheFutureCancelsTheRequest() throws Exception {
        // A long answer sent slowly: the client is still reading it when the future is cancelled.
        String content = "x".repeat(300_000);
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                .setBody(ServerPayloads.completion(content)).throttleBody(1024, 10, TimeUnit.MILLISECONDS));
        server.enqueueJson(ServerPayloads.completion("next"));

        try (ConnectionCuts cuts = ConnectionCuts.watch(server.server)) {
            CompletableFuture<ChatCompletion> future = client.chat().completions().create(PARAMS);
            server.takeRequest();
            assertThat(future.cancel(true)).isTrue();

            assertThat(cuts.awaitCut(10)).as("the server saw the request cut").isTrue();
        }
        assertThat(client.chat().completions().create(PARAMS).get(10, TimeUnit.SECONDS).choices()).hasSize(1);
    }

    @Test
    void aStreamDeliversEveryChunkInOrderThenCompletes() throws Exception {
        server.enqueueStream(ServerPayloads.chunk("Hel"), ServerPayloads.chunk("lo"), ServerPayloads.lastChunk("stop"));
        Recorder recorder = new Recorder();

        AsyncStreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(PARAMS).subscribe(recorder);

        assertThat(recorder.awaitCompletion()).isEmpty();
        assertThat(recorder.contents).containsExactly("Hel", "lo", "");
        assertThat(response.onCompleteFuture()).succeedsWithin(WAIT);
    }

    @Test
    void aStreamCallsItsHandlerOnTheExecutorGiven() throws Exception {
        server.enqueueStream(ServerPayloads.chunk("Hi"), ServerPayloads.lastChunk("stop"));
        Recorder recorder = new Recorder();

        client.chat().completions().createStreaming(PARAMS).subscribe(recorder, executor);

        assertThat(recorder.awaitCompletion()).isEmpty();
        assertThat(recorder.threads).containsOnly("my-handler-thread").hasSize(3);
    }

    @Test
    void aStreamWithoutExecutorCallsItsHandlerOnTheClientsStreamThreads() throws Exception {
        server.enqueueStream(ServerPayloads.chunk("Hi"), ServerPayloads.lastChunk("stop"));
        Recorder recorder = new Recorder();

        client.chat().completions().createStreaming(PARAMS).subscribe(recorder);

        assertThat(recorder.awaitCompletion()).isEmpty();
        assertThat(recorder.threads).allSatisfy(name -> assertThat(name).startsWith("switchboard-stream-handler-"));
    }

    @Test
    void anErrorInsideTheStreamReachesTheHandlerAndTheFuture() throws Exception {
        server.enqueueSse("data: " + ServerPayloads.chunk("Hel") + "\n\n"
                + "data: " + ServerPayloads.error("model crashed", "server_error", null) + "\n\n");
        Recorder recorder = new Recorder();

        AsyncStreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(PARAMS).subscribe(recorder);

        assertThat(recorder.awaitCompletion()).containsInstanceOf(SseException.class);
        assertThat(recorder.contents).containsExactly("Hel");
        assertThat(response.onCompleteFuture()).failsWithin(WAIT)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(SseException.class)
                .withMessage("200: model crashed");
    }

    @Test
    void aRefusedStreamReachesTheHandlerWithoutChunks() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(401)
                .setBody(ServerPayloads.error("Incorrect API key provided.", "invalid_request_error", "invalid_api_key")));
        Recorder recorder = new Recorder();

        client.chat().completions().createStreaming(PARAMS).subscribe(recorder);

        assertThat(recorder.awaitCompletion()).containsInstanceOf(UnauthorizedException.class);
        assertThat(recorder.contents).isEmpty();
    }

    @Test
    void aStreamStartsBeforeAnyoneSubscribesAndARefusalFailsItsFuture() {
        server.enqueue(new MockResponse().setResponseCode(401)
                .setBody(ServerPayloads.error("Incorrect API key provided.", "invalid_request_error", "invalid_api_key")));

        AsyncStreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(PARAMS);

        assertThat(server.takeRequest().getPath()).isEqualTo("/v1/chat/completions");
        assertThat(response.onCompleteFuture()).failsWithin(WAIT)
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(UnauthorizedException.class);
    }

    @Test
    void aStreamEndingWithoutDoneReachesTheHandlerAsAnError() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) server.enqueueSse("");
        Recorder recorder = new Recorder();

        client.chat().completions().createStreaming(PARAMS).subscribe(recorder);

        assertThat(recorder.awaitCompletion().orElseThrow())
                .hasMessage("POST /v1/chat/completions stream ended before the answer was complete (no [DONE] and no chunks)");
    }

    @Test
    void subscribingTwiceIsRefused() {
        server.enqueueStream(ServerPayloads.chunk("Hi"), ServerPayloads.lastChunk("stop"));
        AsyncStreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(PARAMS);
        response.subscribe(chunk -> {});

        assertThatThrownBy(() -> response.subscribe(chunk -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot subscribe more than once");
        assertThat(response.onCompleteFuture()).succeedsWithin(WAIT);
    }

    @Test
    void subscribingAfterCloseIsRefused() {
        // An answer that never comes: the request must not end before close() (a warm JVM's 418 could win that race).
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        AsyncStreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(PARAMS);
        response.close();

        assertThatThrownBy(() -> response.subscribe(chunk -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot subscribe after the response is closed");
        // The request started at once (as the official SDK's does); closing cancelled it.
        assertThat(response.onCompleteFuture()).isCompleted();
    }

    @Test
    void anExecutorThatRejectsTheStreamFailsSubscribeAndTheFuture() {
        // An answer that never comes: the request must not fail before subscribe() is rejected.
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        AsyncStreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(PARAMS);
        RejectedExecutionException full = new RejectedExecutionException("no room");

        assertThatThrownBy(() -> response.subscribe(chunk -> {}, task -> {
            throw full;
        })).isSameAs(full);
        assertThat(response.onCompleteFuture()).failsWithin(WAIT)
                .withThrowableOfType(ExecutionException.class)
                .withCause(full);
    }

    @Test
    void closingAStreamCutsItAtTheServerAndCompletesTheFuture() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 2000; i++) body.append("data: ").append(ServerPayloads.chunk("word ")).append("\n\n");
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream").setBody(body.toString())
                .throttleBody(1024, 10, TimeUnit.MILLISECONDS));
        Recorder recorder = new Recorder();

        try (ConnectionCuts cuts = ConnectionCuts.watch(server.server)) {
            AsyncStreamResponse<ChatCompletionChunk> response =
                    client.chat().completions().createStreaming(PARAMS).subscribe(recorder, executor);
            assertThat(recorder.firstChunk.await(10, TimeUnit.SECONDS)).isTrue();
            response.close();

            assertThat(response.onCompleteFuture()).succeedsWithin(WAIT);
            assertThat(recorder.awaitCompletion()).as("closing is not an error").isEmpty();
            assertThat(cuts.awaitCut(10)).as("the server saw the stream cut").isTrue();
        }
    }

    @Test
    void closingAStreamWhileItConnectsCancelsTheRequestAtOnce() throws Exception {
        CountDownLatch cancelled = new CountDownLatch(1);
        OkHttpClient http = new OkHttpClient.Builder().eventListener(new EventListener() {
            @Override
            public void canceled(Call call) {
                cancelled.countDown();
            }
        }).build();
        // The server reads the request and never answers.
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        try (OpenAIClientAsync async = OpenAIOkHttpClientAsync.builder().baseUrl(server.baseUrl()).apiKey("k")
                .okHttpClient(http).build()) {
            Recorder recorder = new Recorder();
            AsyncStreamResponse<ChatCompletionChunk> response =
                    async.chat().completions().createStreaming(PARAMS).subscribe(recorder, executor);
            server.takeRequest();

            response.close();

            assertThat(cancelled.await(10, TimeUnit.SECONDS)).as("the HTTP call was cancelled").isTrue();
            assertThat(recorder.awaitCompletion()).isEmpty();
        } finally {
            http.dispatcher().executorService().shutdown();
        }
    }

    @Test
    void aHandlerThatThrowsEndsTheStreamWithItsException() throws Exception {
        server.enqueueStream(ServerPayloads.chunk("a"), ServerPayloads.chunk("b"), ServerPayloads.lastChunk("stop"));
        IllegalStateException boom = new IllegalStateException("handler failed");
        CompletableFuture<Optional<Throwable>> completed = new CompletableFuture<>();

        AsyncStreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(PARAMS)
                .subscribe(new AsyncStreamResponse.Handler<>() {
                    @Override
                    public void onNext(ChatCompletionChunk value) {
                        throw boom;
                    }

                    @Override
                    public void onComplete(Optional<Throwable> error) {
                        completed.complete(error);
                    }
                });

        assertThat(completed.get(10, TimeUnit.SECONDS)).containsSame(boom);
        assertThat(response.onCompleteFuture()).failsWithin(WAIT)
                .withThrowableOfType(ExecutionException.class)
                .withCause(boom);
    }

    @Test
    void theSyncViewSharesTheClient() {
        server.enqueueJson(ServerPayloads.completion("from sync"));

        OpenAIClient sync = client.sync();

        assertThat(sync.chat().completions().create(PARAMS).choices().get(0).message().content()).contains("from sync");
        assertThat(sync.async()).isSameAs(client);
        assertThat(client.sync()).isSameAs(sync);
    }
}
