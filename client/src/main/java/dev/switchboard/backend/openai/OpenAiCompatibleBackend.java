package dev.switchboard.backend.openai;

import dev.switchboard.backend.Backend;
import dev.switchboard.backend.Health;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.core.http.Headers;
import dev.switchboard.core.http.HttpResponse;
import dev.switchboard.core.http.QueryParams;
import dev.switchboard.core.internal.JsonBinding;
import dev.switchboard.errors.UnsupportedCapabilityException;
import dev.switchboard.models.audio.AudioResponseFormat;
import dev.switchboard.models.audio.speech.SpeechCreateParams;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateParams;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateResponse;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.models.chat.completions.ChatCompletionStreamOptions;
import dev.switchboard.models.embeddings.CreateEmbeddingResponse;
import dev.switchboard.models.embeddings.EmbeddingCreateParams;
import dev.switchboard.models.images.ImageGenerateParams;
import dev.switchboard.models.images.ImagesResponse;
import dev.switchboard.models.models.Model;
import dev.switchboard.models.models.ModelListParams;
import dev.switchboard.router.Capability;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import retrofit2.Retrofit;
import retrofit2.adapter.rxjava3.RxJava3CallAdapterFactory;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * A deployment on an OpenAI-compatible HTTP server: OpenAI itself, vLLM, Ollama, llama.cpp's
 * server, TGI, SGLang, LocalAI, LM Studio. Calls run on the subscribing thread (a blocking caller
 * pays no thread hop) and are cancelled by disposing. OkHttp's own retries are off: the router's
 * loop is the only one.
 */
public final class OpenAiCompatibleBackend implements Backend {
    private final String name;
    private final HttpUrl baseUrl;
    private final OpenAiApi api;
    private final OkHttpClient client;
    private final DeploymentCallFactory calls;
    private final boolean ownsClient;
    private final BackendProfile profile;
    private final Set<Capability> capabilities;
    private final HealthProbe healthProbe;
    private final IgnoredParameters ignoredParameters;

    private OpenAiCompatibleBackend(Builder b) {
        this.name = b.name;
        this.baseUrl = b.baseUrl;
        this.ownsClient = b.okHttpClient == null;
        OkHttpClient base = b.okHttpClient != null ? b.okHttpClient : new OkHttpClient();
        List<String> credentials = new ArrayList<>();
        credentials.add(b.apiKey);
        for (String name : List.of("Authorization", "api-key", "x-api-key")) credentials.addAll(b.headers.values(name));
        this.client = base.newBuilder().retryOnConnectionFailure(false)
                .addInterceptor(CredentialMask.of(credentials))
                .build();
        this.profile = b.profile;
        this.capabilities = Set.copyOf(b.capabilities != null ? b.capabilities : b.profile.capabilities());
        Headers.Builder headers = Headers.builder();
        if (b.apiKey != null && !b.apiKey.isEmpty()) headers.put(profile.authHeader(), profile.authValue(b.apiKey));
        if (b.organization != null) headers.put("OpenAI-Organization", b.organization);
        if (b.project != null) headers.put("OpenAI-Project", b.project);
        headers.put("User-Agent", UserAgent.VALUE);
        headers.replaceAll(b.headers);
        this.calls = new DeploymentCallFactory(client, headers.build(), b.queryParams);
        this.api = new Retrofit.Builder()
                .baseUrl(baseUrl)
                .callFactory(calls)
                .addConverterFactory(new RequestBodyWriting(MoshiConverterFactory.create(JsonBinding.MOSHI).withNullSerialization()))
                .addCallAdapterFactory(RxJava3CallAdapterFactory.createSynchronous())
                .build()
                .create(OpenAiApi.class);
        this.healthProbe = new HealthProbe(api, profile, baseUrl);
        this.ignoredParameters = new IgnoredParameters(profile, toString());
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /** The kind of server this is, which decides its health probe, capabilities and key header. */
    public BackendProfile profile() {
        return profile;
    }

    /** The profile's probe (such as {@code GET /health}), never a completion; it does not fail. */
    @Override
    public Single<Health> health(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return healthProbe.run(timeout);
    }

    /** The base URL requests go to, ending in a slash. */
    public String baseUrl() {
        return baseUrl.toString();
    }

    @Override
    public Single<ChatCompletion> chatCompletion(ChatCompletionCreateParams params, RequestOptions options) {
        UnsupportedCapabilityException unsupported = unsupported(chatNeeds(params, Capability.CHAT));
        if (unsupported != null) return Single.error(unsupported);
        String route = route("POST", "chat/completions");
        String model = params.model().asString();
        JsonValue body = JsonValue.from(params);
        ignoredParameters.check(body);
        return api.chatCompletion(body, call(params._additionalHeaders(), params._additionalQueryParams(), options))
                .map(json -> PayloadRepair.chatCompletion(json, model).convert(ChatCompletion.class))
                .onErrorResumeNext(e -> Single.error(ErrorResponses.translate(e, route)));
    }

    @Override
    public Flowable<ChatCompletionChunk> chatCompletionStream(ChatCompletionCreateParams params, RequestOptions options) {
        UnsupportedCapabilityException unsupported = unsupported(chatNeeds(params, Capability.CHAT, Capability.STREAMING));
        if (unsupported != null) return Flowable.error(unsupported);
        String route = route("POST", "chat/completions");
        String model = params.model().asString();
        boolean usageRequested = params.streamOptions().flatMap(ChatCompletionStreamOptions::includeUsage).orElse(false);
        Map<String, JsonValue> body = new LinkedHashMap<>(((JsonObject) JsonValue.from(params)).values());
        body.put("stream", JsonValue.from(true));
        ignoredParameters.check(JsonObject.of(body));
        CallOptions call = call(params._additionalHeaders(), params._additionalQueryParams(), options);
        return api.chatCompletionStream(JsonObject.of(body), call)
                .onErrorResumeNext(e -> Single.error(ErrorResponses.translate(e, route)))
                .flatMapPublisher(response -> {
                    if (!response.isSuccessful()) return Flowable.error(ErrorResponses.fromResponse(response));
                    return ChunkStream.read(response, call, route, model, usageRequested);
                });
    }

    @Override
    public Single<CreateEmbeddingResponse> embeddings(EmbeddingCreateParams params, RequestOptions options) {
        UnsupportedCapabilityException unsupported = unsupported(EnumSet.of(Capability.EMBEDDINGS));
        if (unsupported != null) return Single.error(unsupported);
        String route = route("POST", "embeddings");
        String model = params.model().asString();
        return api.embeddings(JsonValue.from(params), call(params._additionalHeaders(), params._additionalQueryParams(), options))
                .map(json -> PayloadRepair.embeddings(json, model).convert(CreateEmbeddingResponse.class))
                .onErrorResumeNext(e -> Single.error(ErrorResponses.translate(e, route)));
    }

    @Override
    public Single<HttpResponse> speech(SpeechCreateParams params, RequestOptions options) {
        UnsupportedCapabilityException unsupported = unsupported(EnumSet.of(Capability.SPEECH));
        if (unsupported != null) return Single.error(unsupported);
        String route = route("POST", "audio/speech");
        return api.speech(JsonValue.from(params), call(params._additionalHeaders(), params._additionalQueryParams(), options))
                .onErrorResumeNext(e -> Single.error(ErrorResponses.translate(e, route)))
                .flatMap(response -> response.isSuccessful()
                        ? Single.just((HttpResponse) new StreamingHttpResponse(
                                response.code(), ErrorResponses.headers(response.headers()), response.body()))
                        : Single.error(ErrorResponses.fromResponse(response)));
    }

    @Override
    public Single<TranscriptionCreateResponse> transcription(TranscriptionCreateParams params, RequestOptions options) {
        UnsupportedCapabilityException unsupported = unsupported(EnumSet.of(Capability.TRANSCRIPTION));
        if (unsupported != null) return Single.error(unsupported);
        String route = route("POST", "audio/transcriptions");
        AudioResponseFormat format = params.responseFormat().orElse(null);
        CallOptions call = call(params._additionalHeaders(), params._additionalQueryParams(), options);
        return Single.defer(() -> api.transcription(TranscriptionForm.parts(params), call))
                .map(response -> {
                    if (!response.isSuccessful()) throw ErrorResponses.fromResponse(response);
                    try (ResponseBody body = Objects.requireNonNull(response.body())) {
                        return TranscriptionAnswer.read(body.string(), body.contentType(), format, route);
                    }
                })
                .onErrorResumeNext(e -> Single.error(ErrorResponses.translate(e, route)));
    }

    @Override
    public Single<ImagesResponse> images(ImageGenerateParams params, RequestOptions options) {
        UnsupportedCapabilityException unsupported = unsupported(EnumSet.of(Capability.IMAGES));
        if (unsupported != null) return Single.error(unsupported);
        String route = route("POST", "images/generations");
        return api.images(JsonValue.from(params), call(params._additionalHeaders(), params._additionalQueryParams(), options))
                .map(json -> PayloadRepair.images(json).convert(ImagesResponse.class))
                .onErrorResumeNext(e -> Single.error(ErrorResponses.translate(e, route)));
    }

    @Override
    public Single<List<Model>> models(ModelListParams params, RequestOptions options) {
        UnsupportedCapabilityException unsupported = unsupported(EnumSet.of(Capability.MODELS));
        if (unsupported != null) return Single.error(unsupported);
        String route = route("GET", "models");
        return api.models(call(params._additionalHeaders(), params._additionalQueryParams(), options))
                .map(json -> {
                    List<Model> out = new ArrayList<>();
                    for (JsonObject m : PayloadRepair.models(json, name)) out.add(m.convert(Model.class));
                    return out;
                })
                .onErrorResumeNext(e -> Single.error(ErrorResponses.translate(e, route)));
    }

    /**
     * Cancels the calls this backend still runs, and shuts down the connection pool and threads
     * when it made its own client.
     */
    @Override
    public void close() {
        calls.cancelAll();
        if (ownsClient) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return name + "(" + baseUrl.scheme() + "://" + baseUrl.host() + ":" + baseUrl.port() + baseUrl.encodedPath() + ")";
    }

    /** What a chat call needs: the given capabilities, plus tools when it offers the model any. */
    private static EnumSet<Capability> chatNeeds(ChatCompletionCreateParams params, Capability first, Capability... rest) {
        EnumSet<Capability> needs = EnumSet.of(first, rest);
        if (params.tools().map(tools -> !tools.isEmpty()).orElse(false)) needs.add(Capability.TOOLS);
        return needs;
    }

    /** The refusal of a call needing a capability this deployment lacks, or null when it has them all. */
    private UnsupportedCapabilityException unsupported(Set<Capability> needs) {
        for (Capability capability : needs) {
            if (capabilities.contains(capability)) continue;
            String detail;
            if (profile.capabilities().contains(capability)) {
                detail = "it is switched off for this deployment";
            } else if (capability == Capability.TOOLS && profile == BackendProfile.LLAMACPP) {
                detail = "llama.cpp's server calls tools only when started with --jinja; once it is, set tools: true on the deployment";
            } else {
                detail = profile.serverName() + " does not offer it";
            }
            return new UnsupportedCapabilityException(toString(), capability.name().toLowerCase(Locale.ROOT), detail);
        }
        return null;
    }

    /** The method and path of a route, for messages: never the query, which may hold a key. */
    private String route(String method, String path) {
        return method + " " + baseUrl.resolve(path).encodedPath();
    }

    private static CallOptions call(Headers headers, QueryParams queryParams, RequestOptions options) {
        return new CallOptions(headers, queryParams, options.timeout().orElse(null));
    }

    public static final class Builder {
        private String name = "openai";
        private HttpUrl baseUrl = HttpUrl.get("https://api.openai.com/v1/");
        private String apiKey;
        private String organization;
        private String project;
        private Headers headers = Headers.builder().build();
        private QueryParams queryParams = QueryParams.builder().build();
        private OkHttpClient okHttpClient;
        private BackendProfile profile = BackendProfile.OPENAI;
        private Set<Capability> capabilities;

        private Builder() {}

        /** A short name for logs and messages, such as the backend kind. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The server's API root, such as {@code https://api.openai.com/v1} or {@code http://localhost:11434/v1}. */
        public Builder baseUrl(String baseUrl) {
            HttpUrl url = HttpUrl.parse(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
            if (url == null) throw new IllegalArgumentException("baseUrl is not an http(s) URL: " + baseUrl);
            this.baseUrl = url;
            return this;
        }

        /** Sent as a bearer token; never logged or printed. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        public Builder organization(String organization) {
            this.organization = organization;
            return this;
        }

        public Builder project(String project) {
            this.project = project;
            return this;
        }

        /** Headers sent with every request, replacing defaults of the same name. */
        public Builder headers(Headers headers) {
            this.headers = Objects.requireNonNull(headers, "headers");
            return this;
        }

        public Builder queryParams(QueryParams queryParams) {
            this.queryParams = Objects.requireNonNull(queryParams, "queryParams");
            return this;
        }

        /** A client to share; this backend derives its own from it and leaves it open on close. */
        public Builder okHttpClient(OkHttpClient okHttpClient) {
            this.okHttpClient = okHttpClient;
            return this;
        }

        /**
         * The kind of server: its health probe, key header, capabilities and the sampling parameters
         * it honours. {@link BackendProfile#OPENAI} unless set.
         */
        public Builder profile(BackendProfile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /** What this deployment offers, replacing its profile's capabilities. */
        public Builder capabilities(Set<Capability> capabilities) {
            this.capabilities = capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities);
            return this;
        }

        public OpenAiCompatibleBackend build() {
            return new OpenAiCompatibleBackend(this);
        }
    }
}
