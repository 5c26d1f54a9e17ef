package dev.switchboard.client.internal;

import dev.switchboard.core.RequestOptions;
import dev.switchboard.core.Timeout;
import dev.switchboard.core.http.HttpResponse;
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
import dev.switchboard.models.models.ModelListParams;
import dev.switchboard.router.Capability;
import dev.switchboard.router.RouteRequest;
import dev.switchboard.router.Router;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

/**
 * The heart of a client: every call as an Rx pipeline through the router, with the client's
 * defaults applied. The blocking, async and Rx services are thin views over it.
 */
public final class ClientCore implements AutoCloseable {
    /** The model name used to route calls that name none (listing models): the default endpoint. */
    private static final String NO_MODEL = "";

    private final Router router;
    private final RequestOptions defaults;
    private final Executor streamHandlerExecutor;
    private final Runnable release;

    /** {@code release} frees what the client owns (threads, connections), after the router has closed. */
    public ClientCore(Router router, RequestOptions defaults, Executor streamHandlerExecutor, Runnable release) {
        this.router = Objects.requireNonNull(router, "router");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.streamHandlerExecutor = Objects.requireNonNull(streamHandlerExecutor, "streamHandlerExecutor");
        this.release = Objects.requireNonNull(release, "release");
    }

    public Router router() {
        return router;
    }

    /** Where async streams deliver to their handlers unless told otherwise. */
    public Executor streamHandlerExecutor() {
        return streamHandlerExecutor;
    }

    public Single<ChatCompletion> chatCompletion(ChatCompletionCreateParams params, RequestOptions options) {
        RequestOptions o = options.applyDefaults(defaults);
        String model = params.model().asString();
        return router.<ChatCompletion>single(chatRequest(params, options, false),
                        (backend, real) -> backend.chatCompletion(withModel(params, model, real), o))
                .map(validated(o, ChatCompletion::validate));
    }

    public Flowable<ChatCompletionChunk> chatCompletionStream(ChatCompletionCreateParams params, RequestOptions options) {
        RequestOptions o = options.applyDefaults(defaults);
        String model = params.model().asString();
        return router.<ChatCompletionChunk>stream(chatRequest(params, options, true),
                        (backend, real) -> backend.chatCompletionStream(withModel(params, model, real), o))
                .map(validated(o, ChatCompletionChunk::validate));
    }

    public Single<CreateEmbeddingResponse> embeddings(EmbeddingCreateParams params, RequestOptions options) {
        RequestOptions o = options.applyDefaults(defaults);
        String model = params.model().asString();
        RouteRequest request = RouteRequest.builder(Capability.EMBEDDINGS, model)
                .estimatedPromptTokens(TokenEstimate.of(params.input()))
                .timeout(callerTimeout(options))
                .build();
        return router.<CreateEmbeddingResponse>single(request,
                        (backend, real) -> backend.embeddings(
                                real.equals(model) ? params : params.toBuilder().model(real).build(), o))
                .map(validated(o, CreateEmbeddingResponse::validate));
    }

    public Single<HttpResponse> speech(SpeechCreateParams params, RequestOptions options) {
        RequestOptions o = options.applyDefaults(defaults);
        String model = params.model().asString();
        return router.single(request(Capability.SPEECH, model, options),
                (backend, real) -> backend.speech(
                        real.equals(model) ? params : params.toBuilder().model(real).build(), o));
    }

    public Single<TranscriptionCreateResponse> transcription(TranscriptionCreateParams params, RequestOptions options) {
        RequestOptions o = options.applyDefaults(defaults);
        String model = params.model().asString();
        return router.<TranscriptionCreateResponse>single(request(Capability.TRANSCRIPTION, model, options),
                        (backend, real) -> backend.transcription(
                                real.equals(model) ? params : params.toBuilder().model(real).build(), o))
                .map(validated(o, TranscriptionCreateResponse::validate));
    }

    public Single<ImagesResponse> images(ImageGenerateParams params, RequestOptions options) {
        RequestOptions o = options.applyDefaults(defaults);
        String model = params.model().map(m -> m.asString()).orElse(NO_MODEL);
        return router.<ImagesResponse>single(request(Capability.IMAGES, model, options),
                        (backend, real) -> backend.images(
                                real.equals(model) ? params : params.toBuilder().model(real).build(), o))
                .map(validated(o, ImagesResponse::validate));
    }

    public Single<List<Model>> models(ModelListParams params, RequestOptions options) {
        RequestOptions o = options.applyDefaults(defaults);
        return router.<List<Model>>single(request(Capability.MODELS, NO_MODEL, options), (backend, real) -> backend.models(params, o))
                .map(validated(o, models -> {
                    models.forEach(Model::validate);
                    return models;
                }));
    }

    @Override
    public void close() {
        try {
            router.close();
        } finally {
            release.run();
        }
    }

    /**
     * What a chat call needs of a deployment: streaming, tools and a JSON schema when it uses them,
     * and room for its messages and the output it asks for.
     */
    private static RouteRequest chatRequest(ChatCompletionCreateParams params, RequestOptions options, boolean streaming) {
        RouteRequest.Builder request = RouteRequest.builder(Capability.CHAT, params.model().asString())
                .estimatedPromptTokens(TokenEstimate.of(params))
                .timeout(callerTimeout(options));
        if (streaming) request.require(Capability.STREAMING);
        if (params.tools().map(tools -> !tools.isEmpty()).orElse(false)) request.require(Capability.TOOLS);
        if (params.responseFormat().map(ChatCompletionCreateParams.ResponseFormat::isJsonSchema).orElse(false)) {
            request.require(Capability.JSON_SCHEMA);
        }
        params.maxCompletionTokens().or(params::maxTokens)
                .ifPresent(max -> request.maxOutputTokens((int) Math.max(0, Math.min(Integer.MAX_VALUE, max))));
        return request.build();
    }

    private static RouteRequest request(Capability capability, String model, RequestOptions options) {
        return RouteRequest.builder(capability, model).timeout(callerTimeout(options)).build();
    }

    /** The timeout the caller set on this very call (not the client's default): the router's deadline for it. */
    private static Duration callerTimeout(RequestOptions options) {
        return options.timeout().map(Timeout::request).orElse(null);
    }

    private static ChatCompletionCreateParams withModel(ChatCompletionCreateParams params, String requested, String real) {
        return real.equals(requested) ? params : params.toBuilder().model(real).build();
    }

    /** Validates each result when the call's options ask for it (responseValidation). */
    private static <T> io.reactivex.rxjava3.functions.Function<T, T> validated(RequestOptions options, UnaryOperator<T> validate) {
        boolean on = options.responseValidation().orElse(false);
        return value -> on ? validate.apply(value) : value;
    }
}
