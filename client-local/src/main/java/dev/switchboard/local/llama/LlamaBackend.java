package dev.switchboard.local.llama;

import dev.switchboard.local.files.ModelRef;
import dev.switchboard.backend.Backend;
import dev.switchboard.backend.Health;
import dev.switchboard.core.JsonArray;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.errors.ModelLoadException;
import dev.switchboard.errors.UnsupportedCapabilityException;
import dev.switchboard.local.LlamaOptions;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.models.embeddings.CreateEmbeddingResponse;
import dev.switchboard.models.embeddings.EmbeddingCreateParams;
import dev.switchboard.models.models.Model;
import dev.switchboard.models.models.ModelListParams;
import dev.switchboard.router.Capability;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deployment on llama.cpp inside this JVM ({@code engine: llama}): chat completions (streamed or
 * whole, JSON-schema output and tool calls through grammars), embeddings when the deployment asks
 * for them, and its model as the model list.
 *
 * <p>The model is loaded on the first call, once per process for every deployment naming the same
 * file with the same settings; a failed load is a {@link ModelLoadException} (the router tries the
 * pool's next deployment) and is tried again on the next call. Calls run on the subscribing thread;
 * disposing stops generation at the next token. Every request value is checked before llama.cpp sees
 * it: a request it cannot honour is a 400 naming the field.
 */
public final class LlamaBackend implements Backend {
    private static final Logger log = LoggerFactory.getLogger(LlamaBackend.class);

    private final String deployment;
    private final String modelRef;
    private final LlamaOptions options;
    private final Clock clock;
    private final Set<Capability> capabilities;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private volatile LoadedModel loaded;

    private LlamaBackend(String deployment, String modelRef, LlamaOptions options, Clock clock) {
        this.deployment = Objects.requireNonNull(deployment, "deployment");
        this.modelRef = Objects.requireNonNull(modelRef, "modelRef");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        EnumSet<Capability> caps = EnumSet.of(Capability.CHAT, Capability.STREAMING, Capability.TOOLS,
                Capability.JSON_SCHEMA, Capability.MODELS);
        if (options.embeddings()) caps.add(Capability.EMBEDDINGS);
        this.capabilities = Set.copyOf(caps);
    }

    /** A backend for deployment {@code deployment} serving the GGUF model {@code modelRef}; nothing loads until the first call. */
    public static LlamaBackend create(String deployment, String modelRef, LlamaOptions options, Clock clock) {
        return new LlamaBackend(deployment, modelRef, options, clock);
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /** The shared model, loading it if this process has not yet. */
    LoadedModel model() {
        LoadedModel model = loaded;
        if (model == null) loaded = model = ModelRegistry.PROCESS.load(deployment, modelRef, options);
        return model;
    }

    @Override
    public Single<ChatCompletion> chatCompletion(ChatCompletionCreateParams params, RequestOptions requestOptions) {
        return Single.defer(() -> answers(params).completion());
    }

    @Override
    public Flowable<ChatCompletionChunk> chatCompletionStream(ChatCompletionCreateParams params, RequestOptions requestOptions) {
        return Flowable.defer(() -> answers(params).chunks());
    }

    private ChatAnswers answers(ChatCompletionCreateParams params) {
        ChatRequest request = ChatRequest.read(params);
        for (String extra : request.ignoredExtras) {
            if (warned.add(extra)) {
                log.warn("{} ignores '{}': llama.cpp reads no such parameter; it reads {} (this warning is given once per"
                        + " deployment and parameter)", deployment, extra, new java.util.TreeSet<>(Sampling.EXTRAS));
            }
        }
        return new ChatAnswers(model(), request, deployment, options.queue(), clock.millis() / 1000);
    }

    @Override
    public Single<CreateEmbeddingResponse> embeddings(EmbeddingCreateParams params, RequestOptions requestOptions) {
        if (!options.embeddings()) {
            return Single.error(new UnsupportedCapabilityException(toString(), "embeddings",
                    "set embeddings: true on the deployment to load its model for embeddings"));
        }
        return Single.defer(() -> Single.just(Embeddings.create(model(), params, deployment, options.queue())));
    }

    @Override
    public Single<List<Model>> models(ModelListParams params, RequestOptions requestOptions) {
        return Single.fromCallable(() -> List.of(Model.builder().id(modelRef).created(clock.millis() / 1000)
                .ownedBy("switchboard-local").build()));
    }

    /**
     * The engine's state, never a generation and never a load or a download: healthy with its slots'
     * use once the model is loaded, and healthy before (the first call loads it, and a model that
     * cannot be loaded fails that call with a ModelLoadException the router fails over from).
     */
    @Override
    public Single<Health> health(Duration timeout) {
        return Single.fromCallable(() -> {
            LoadedModel model = loaded;
            if (model == null) return Health.healthy("model not loaded yet; the first call loads it");
            Slots slots = model.slots;
            return Health.healthy("model loaded; " + slots.busy() + " of " + slots.count() + " slots busy, "
                    + slots.waiting() + " calls waiting");
        });
    }

    /**
     * Nothing to free per deployment: the model is shared by every deployment naming it and stays
     * loaded for the life of the process (llama.cpp b4916 frees nothing on close anyway).
     */
    @Override
    public void close() {}

    @Override
    public String toString() {
        return "llama(" + ModelRef.shortName(modelRef, ".gguf") + ")";
    }
}
