package dev.switchboard.rx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.OpenAIClientAsync;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.core.http.HttpResponse;
import dev.switchboard.errors.OpenAIInvalidDataException;
import dev.switchboard.errors.UnauthorizedException;
import dev.switchboard.models.audio.AudioModel;
import dev.switchboard.models.audio.speech.SpeechCreateParams;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateParams;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateResponse;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.models.embeddings.CreateEmbeddingResponse;
import dev.switchboard.models.embeddings.EmbeddingCreateParams;
import dev.switchboard.models.images.ImageGenerateParams;
import dev.switchboard.models.images.ImagesResponse;
import dev.switchboard.models.models.Model;
import dev.switchboard.testing.MockServer;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.observers.TestObserver;
import io.reactivex.rxjava3.schedulers.Schedulers;
import io.reactivex.rxjava3.subscribers.TestSubscriber;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RxOpenAIClientTest {
    private static final String COMPLETION = """
            {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Hello there"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}""";
    private static final String CHUNK_HELLO = "{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
            + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hello\"}}]}";
    private static final String CHUNK_THERE = "{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
            + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" there\"}}]}";
    private static final String CHUNK_STOP = "{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
            + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}";
    private static final String EMBEDDINGS = "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,"
            + "\"embedding\":[0.5,-0.25]}],\"model\":\"text-embedding-3-small\",\"usage\":{\"prompt_tokens\":1,\"total_tokens\":1}}";
    private static final String IMAGES = "{\"created\":1713833628,\"data\":[{\"url\":\"https://example.com/otter.png\"}]}";
    private static final String MODELS = "{\"object\":\"list\",\"data\":["
            + "{\"id\":\"gpt-4o-mini\",\"object\":\"model\",\"created\":1721172741,\"owned_by\":\"system\"},"
            + "{\"id\":\"whisper-1\",\"object\":\"model\",\"created\":1677532384,\"owned_by\":\"openai-internal\"}]}";
    private static final byte[] WAV = "RIFF\u0024\0\0\0WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    private final MockServer server = new MockServer();
    private final OpenAIClient client = server.client();
    private final RxOpenAIClient rx = RxOpenAIClient.of(client);

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    private static ChatCompletionCreateParams chat() {
        return ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("Say hello").build();
    }

    private static EmbeddingCreateParams embedding() {
        return EmbeddingCreateParams.builder().model("text-embedding-3-small").input("hello").build();
    }

    private static SpeechCreateParams speech() {
        return SpeechCreateParams.builder().model("tts-1").input("Hello").voice("alloy").build();
    }

    private static TranscriptionCreateParams transcription() {
        return TranscriptionCreateParams.builder().model(AudioModel.WHISPER_1).file(WAV).build();
    }

    private static ImageGenerateParams image() {
        return ImageGenerateParams.builder().prompt("A cute baby sea otter").model("dall-e-2").build();
    }

    @Test
    void aChatCompletionIsASingle() {
        server.enqueueJson(COMPLETION);

        TestObserver<ChatCompletion> observer = rx.chat().completions().create(chat()).test();

        observer.awaitDone(5, TimeUnit.SECONDS).assertComplete().assertValueCount(1);
        assertThat(observer.values().get(0).choices().get(0).message().content()).contains("Hello there");
        assertThat(server.takeRequest().getPath()).isEqualTo("/v1/chat/completions");
    }

    @Test
    void aChatStreamIsAFlowableOfItsChunks() {
        server.enqueueStream(CHUNK_HELLO, CHUNK_THERE, CHUNK_STOP);

        TestSubscriber<ChatCompletionChunk> subscriber = rx.chat().completions().createStreaming(chat()).test();

        subscriber.awaitDone(5, TimeUnit.SECONDS).assertComplete().assertValueCount(3);
        assertThat(subscriber.values()).extracting(chunk -> chunk.choices().get(0).delta().content().orElse(""))
                .containsExactly("Hello", " there", "");
        assertThat(server.takeRequest().getBody().readUtf8()).contains("\"stream\":true");
    }

    @Test
    void aChatStreamDeliversNoMoreThanIsRequested() {
        server.enqueueStream(CHUNK_HELLO, CHUNK_THERE, CHUNK_STOP);

        TestSubscriber<ChatCompletionChunk> subscriber = rx.chat().completions().createStreaming(chat()).test(1);

        subscriber.awaitCount(1);
        subscriber.assertValueCount(1).assertNotComplete();
        subscriber.requestMore(Long.MAX_VALUE);
        subscriber.awaitDone(5, TimeUnit.SECONDS).assertComplete().assertValueCount(3);
    }

    @Test
    void embeddingsAreASingle() {
        server.enqueueJson(EMBEDDINGS);

        TestObserver<CreateEmbeddingResponse> observer = rx.embeddings().create(embedding()).test();

        observer.awaitDone(5, TimeUnit.SECONDS).assertComplete();
        assertThat(observer.values().get(0).data().get(0).embedding()).containsExactly(0.5f, -0.25f);
    }

    @Test
    void speechIsASingleOfTheStreamingResponse() throws IOException {
        server.enqueue(new MockResponse().setHeader("Content-Type", "audio/mpeg").setBody(new Buffer().write(WAV)));

        TestObserver<HttpResponse> observer = rx.audio().speech().create(speech()).test();

        observer.awaitDone(5, TimeUnit.SECONDS).assertComplete();
        try (HttpResponse response = observer.values().get(0)) {
            assertThat(response.headers().values("Content-Type")).containsExactly("audio/mpeg");
            assertThat(response.body().readAllBytes()).isEqualTo(WAV);
        }
        assertThat(server.takeRequest().getPath()).isEqualTo("/v1/audio/speech");
    }

    @Test
    void aTranscriptionIsASingle() {
        server.enqueueJson("{\"text\":\"Hello\"}");

        TestObserver<TranscriptionCreateResponse> observer = rx.audio().transcriptions().create(transcription()).test();

        observer.awaitDone(5, TimeUnit.SECONDS).assertComplete();
        assertThat(observer.values().get(0).asTranscription().text()).isEqualTo("Hello");
        assertThat(server.takeRequest().getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
    }

    @Test
    void imagesAreASingle() {
        server.enqueueJson(IMAGES);

        TestObserver<ImagesResponse> observer = rx.images().generate(image()).test();

        observer.awaitDone(5, TimeUnit.SECONDS).assertComplete();
        assertThat(observer.values().get(0).data().orElseThrow().get(0).url()).contains("https://example.com/otter.png");
    }

    @Test
    void theModelListIsASingleOfEveryModel() {
        server.enqueueJson(MODELS);

        TestObserver<List<Model>> observer = rx.models().list().test();

        observer.awaitDone(5, TimeUnit.SECONDS).assertComplete();
        assertThat(observer.values().get(0)).extracting(Model::id).containsExactly("gpt-4o-mini", "whisper-1");
    }

    @Test
    void requestOptionsApplyToTheCall() {
        String withoutUsage = "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":[1.0]}],\"model\":\"m\"}";
        server.enqueueJson(withoutUsage).enqueueJson(withoutUsage);

        rx.embeddings().create(embedding()).test().awaitDone(5, TimeUnit.SECONDS).assertComplete();
        rx.embeddings().create(embedding(), RequestOptions.builder().responseValidation(true).build()).test()
                .awaitDone(5, TimeUnit.SECONDS)
                .assertError(e -> e instanceof OpenAIInvalidDataException && e.getMessage().equals("`usage` is not present"));
    }

    @Test
    void failuresAreTheOfficialExceptions() {
        server.enqueue(new MockResponse().setResponseCode(401).setHeader("Content-Type", "application/json")
                .setBody("{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\","
                        + "\"param\":null,\"code\":\"invalid_api_key\"}}"));

        rx.models().list().test().awaitDone(5, TimeUnit.SECONDS)
                .assertError(e -> e instanceof UnauthorizedException && e.getMessage().contains("Incorrect API key provided"));
    }

    @Test
    void aFailedStreamIsAnErrorOfTheFlowable() {
        server.enqueue(new MockResponse().setResponseCode(401).setBody("{\"error\":\"unauthorized\"}"));

        rx.chat().completions().createStreaming(chat()).test().awaitDone(5, TimeUnit.SECONDS)
                .assertError(UnauthorizedException.class);
    }

    @Test
    void theViewOfAnAsyncClientMakesTheSameCalls() {
        server.enqueueJson(MODELS);
        OpenAIClientAsync async = server.asyncClient();
        try {
            TestObserver<List<Model>> observer = RxOpenAIClient.of(async).models().list().test();

            observer.awaitDone(5, TimeUnit.SECONDS).assertComplete();
            assertThat(observer.values().get(0)).hasSize(2);
        } finally {
            async.close();
        }
    }

    @Test
    void callsRunOnTheGivenScheduler() {
        server.enqueueJson(EMBEDDINGS);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "rx-calls"));
        try {
            Scheduler scheduler = Schedulers.from(executor);

            TestObserver<String> observer = RxOpenAIClient.of(client, scheduler).embeddings().create(embedding())
                    .map(response -> Thread.currentThread().getName())
                    .test();

            observer.awaitDone(5, TimeUnit.SECONDS).assertValue("rx-calls");
        } finally {
            executor.shutdown();
        }
    }

    @Test
    void aClientNotBuiltBySwitchboardIsRefused() {
        OpenAIClient foreign = (OpenAIClient) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {OpenAIClient.class}, (proxy, method, args) -> null);

        assertThatThrownBy(() -> RxOpenAIClient.of(foreign))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("An Rx view needs a client built by OpenAIOkHttpClient or OpenAIOkHttpClientAsync, not a ");
    }

    /** Each call of the view, subscribed to as a Completable. */
    static Stream<Named<Function<RxOpenAIClient, Completable>>> calls() {
        return Stream.of(
                Named.of("chat completion", c -> c.chat().completions().create(chat()).ignoreElement()),
                Named.of("chat stream", c -> c.chat().completions().createStreaming(chat()).ignoreElements()),
                Named.of("embeddings", c -> c.embeddings().create(embedding()).ignoreElement()),
                Named.of("speech", c -> c.audio().speech().create(speech()).doOnSuccess(HttpResponse::close).ignoreElement()),
                Named.of("transcription", c -> c.audio().transcriptions().create(transcription()).ignoreElement()),
                Named.of("images", c -> c.images().generate(image()).ignoreElement()),
                Named.of("models", c -> c.models().list().ignoreElement()));
    }

    @ParameterizedTest
    @MethodSource("calls")
    void nothingIsSentUntilSubscription(Function<RxOpenAIClient, Completable> call) {
        server.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setResponseCode(500).setBody("not this time");
            }
        });

        Completable cold = call.apply(rx);

        assertThat(server.requestCount()).isZero();
        cold.test().awaitDone(5, TimeUnit.SECONDS);
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @ParameterizedTest
    @MethodSource("calls")
    void disposingCancelsTheHttpCall(Function<RxOpenAIClient, Completable> call) throws InterruptedException {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                arrived.countDown();
                release.await(5, TimeUnit.SECONDS);
                return new MockResponse().setResponseCode(500);
            }
        });
        CancelRecorder cancels = new CancelRecorder();
        OpenAIClient watched = clientWith(cancels);
        try {
            TestObserver<Void> observer = call.apply(RxOpenAIClient.of(watched)).test();
            assertThat(arrived.await(5, TimeUnit.SECONDS)).as("the request reached the server").isTrue();

            observer.dispose();

            assertThat(cancels.cancelled.await(5, TimeUnit.SECONDS)).as("the HTTP call was cancelled").isTrue();
            observer.assertEmpty();
        } finally {
            release.countDown();
            watched.close();
        }
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void cancellingAStreamAfterItsFirstChunkCancelsTheHttpCall() throws InterruptedException {
        String first = "data: " + CHUNK_HELLO + "\n\n";
        String body = first + "data: " + CHUNK_THERE + "\n\ndata: " + CHUNK_STOP + "\n\ndata: [DONE]\n\n";
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream").setBody(body)
                .throttleBody(first.length(), 1, TimeUnit.SECONDS));
        CancelRecorder cancels = new CancelRecorder();
        OpenAIClient watched = clientWith(cancels);
        try {
            TestSubscriber<ChatCompletionChunk> subscriber = RxOpenAIClient.of(watched).chat().completions()
                    .createStreaming(chat()).test();
            subscriber.awaitCount(1);
            subscriber.assertValueCount(1);

            subscriber.cancel();

            assertThat(cancels.cancelled.await(5, TimeUnit.SECONDS)).as("the HTTP call was cancelled").isTrue();
            subscriber.assertValueCount(1).assertNotComplete().assertNoErrors();
        } finally {
            watched.close();
        }
    }

    private OpenAIClient clientWith(EventListener listener) {
        return OpenAIOkHttpClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey("sk-test-secret")
                .retryPolicy(MockServer.NO_WAIT)
                .okHttpClient(new OkHttpClient.Builder().eventListener(listener).build())
                .build();
    }

    /** Notes OkHttp's cancellation of a call. */
    static final class CancelRecorder extends EventListener {
        final CountDownLatch cancelled = new CountDownLatch(1);

        @Override
        public void canceled(Call call) {
            cancelled.countDown();
        }
    }
}
