package dev.switchboard.testing;

import dev.switchboard.backend.Backend;
import dev.switchboard.backend.Health;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.core.http.Headers;
import dev.switchboard.core.http.HttpResponse;
import dev.switchboard.errors.BadRequestException;
import dev.switchboard.errors.InternalServerException;
import dev.switchboard.errors.OpenAIIoException;
import dev.switchboard.models.ErrorObject;
import dev.switchboard.models.audio.speech.SpeechCreateParams;
import dev.switchboard.models.audio.transcriptions.Transcription;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateParams;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateResponse;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.models.embeddings.CreateEmbeddingResponse;
import dev.switchboard.models.embeddings.EmbeddingCreateParams;
import dev.switchboard.models.images.ImageGenerateParams;
import dev.switchboard.models.images.ImagesResponse;
import dev.switchboard.router.Capability;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A backend whose answers are written in the test: a fixed reply (streamed a word a chunk), three
 * dimensions of embedding, a few bytes of "audio", a transcript, one image, and failures on request.
 */
public final class ScriptedBackend implements Backend {
    public enum Failure { NONE, DOWN, BAD_REQUEST, TIMEOUT }

    public static final byte[] AUDIO = "RIFF-scripted-audio".getBytes(StandardCharsets.US_ASCII);
    public static final String IMAGE_B64 = "aW1hZ2U=";

    private final String name;
    private final String reply;
    private final Set<Capability> capabilities;
    private volatile Failure failure = Failure.NONE;
    private volatile boolean healthy = true;
    private volatile boolean endless;
    /** Counts down when a stream is cancelled by its caller. */
    public final CountDownLatch streamCancelled = new CountDownLatch(1);
    public final AtomicReference<Object> lastParams = new AtomicReference<>();

    public ScriptedBackend(String name, String reply, Set<Capability> capabilities) {
        this.name = name;
        this.reply = reply;
        this.capabilities = capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities);
    }

    public static ScriptedBackend everything(String name, String reply) {
        return new ScriptedBackend(name, reply, EnumSet.of(Capability.CHAT, Capability.STREAMING, Capability.EMBEDDINGS,
                Capability.SPEECH, Capability.TRANSCRIPTION, Capability.IMAGES));
    }

    public ScriptedBackend failing(Failure failure) {
        this.failure = failure;
        return this;
    }

    public ScriptedBackend healthy(boolean healthy) {
        this.healthy = healthy;
        return this;
    }

    /** Streams words every 10 ms until cancelled. */
    public ScriptedBackend endless() {
        this.endless = true;
        return this;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public Single<Health> health(Duration timeout) {
        return Single.just(healthy ? Health.healthy("scripted: up") : Health.unreachable("scripted: down", new IllegalStateException("scripted: down")));
    }

    private <T> Single<T> answer(Object params, java.util.function.Supplier<T> value) {
        return Single.defer(() -> {
            lastParams.set(params);
            switch (failure) {
                case DOWN:
                    return Single.error(InternalServerException.builder().statusCode(500).headers(Headers.builder().build())
                            .error(ErrorObject.builder().message(name + " is down").type("server_error").build()).build());
                case BAD_REQUEST:
                    return Single.error(BadRequestException.builder().headers(Headers.builder().build())
                            .error(ErrorObject.builder().message("messages must not be empty").type("invalid_request_error")
                                    .param("messages").build()).build());
                case TIMEOUT:
                    return Single.error(new OpenAIIoException(name + " gave no answer within its timeout of PT1S",
                            new java.util.concurrent.TimeoutException("PT1S")));
                default:
                    return Single.just(value.get());
            }
        });
    }

    @Override
    public Single<ChatCompletion> chatCompletion(ChatCompletionCreateParams params, RequestOptions options) {
        return answer(params, () -> json(map(
                "id", "chatcmpl-scripted", "object", "chat.completion", "created", 1700000000L, "model", modelOf(params),
                "choices", List.of(map("index", 0, "message", map("role", "assistant", "content", reply, "refusal", null),
                        "finish_reason", "stop", "logprobs", null)),
                "usage", map("prompt_tokens", 5, "completion_tokens", words().size(), "total_tokens", 5 + words().size())))
                .convert(ChatCompletion.class));
    }

    @Override
    public Flowable<ChatCompletionChunk> chatCompletionStream(ChatCompletionCreateParams params, RequestOptions options) {
        String model = modelOf(params);
        if (endless) {
            return Flowable.interval(10, TimeUnit.MILLISECONDS).onBackpressureDrop().map(i -> chunk(model, "word" + i + " ", null))
                    .doOnCancel(streamCancelled::countDown);
        }
        return answer(params, () -> {
            List<ChatCompletionChunk> chunks = new ArrayList<>();
            List<String> words = words();
            for (int i = 0; i < words.size(); i++) chunks.add(chunk(model, (i == 0 ? "" : " ") + words.get(i), null));
            chunks.add(chunk(model, null, "stop"));
            return chunks;
        }).flattenAsFlowable(list -> list).doOnCancel(streamCancelled::countDown);
    }

    private static ChatCompletionChunk chunk(String model, String content, String finish) {
        Map<String, Object> delta = new LinkedHashMap<>();
        if (content != null) delta.put("content", content);
        return json(map("id", "chatcmpl-scripted", "object", "chat.completion.chunk", "created", 1700000000L,
                "model", model, "choices", List.of(map("index", 0, "delta", delta, "finish_reason", finish))))
                .convert(ChatCompletionChunk.class);
    }

    @Override
    public Single<CreateEmbeddingResponse> embeddings(EmbeddingCreateParams params, RequestOptions options) {
        return answer(params, () -> json(Map.of("object", "list", "model", JsonValue.from(params.model()).convert(String.class),
                "data", List.of(map("object", "embedding", "index", 0, "embedding", List.of(0.25, 0.5, 0.75))),
                "usage", map("prompt_tokens", 3, "total_tokens", 3))).convert(CreateEmbeddingResponse.class));
    }

    @Override
    public Single<HttpResponse> speech(SpeechCreateParams params, RequestOptions options) {
        return answer(params, () -> new HttpResponse() {
            @Override
            public int statusCode() {
                return 200;
            }

            @Override
            public Headers headers() {
                return Headers.builder().put("Content-Type", "audio/wav").build();
            }

            @Override
            public InputStream body() {
                return new ByteArrayInputStream(AUDIO);
            }

            @Override
            public void close() {}
        });
    }

    @Override
    public Single<TranscriptionCreateResponse> transcription(TranscriptionCreateParams params, RequestOptions options) {
        return answer(params, () -> TranscriptionCreateResponse.ofTranscription(
                json(Map.of("text", reply + " (" + params.fileBytes().length + " bytes)")).convert(Transcription.class)));
    }

    @Override
    public Single<ImagesResponse> images(ImageGenerateParams params, RequestOptions options) {
        return answer(params, () -> json(Map.of("created", 1700000000L,
                "data", List.of(map("b64_json", IMAGE_B64, "revised_prompt", params.prompt())))).convert(ImagesResponse.class));
    }

    private List<String> words() {
        return List.of(reply.split(" "));
    }

    private static String modelOf(ChatCompletionCreateParams params) {
        return JsonValue.from(params.model()).convert(String.class);
    }

    private static JsonValue json(Object value) {
        return JsonValue.from(value);
    }

    /** A map that may hold nulls, in order. */
    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], pairs[i + 1]);
        return m;
    }

    @Override
    public void close() {}

    @Override
    public String toString() {
        return "scripted " + name;
    }
}
