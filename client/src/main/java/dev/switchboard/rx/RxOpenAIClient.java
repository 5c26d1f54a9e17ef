package dev.switchboard.rx;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.OpenAIClientAsync;
import dev.switchboard.client.OpenAIClientAsyncImpl;
import dev.switchboard.client.OpenAIClientImpl;
import dev.switchboard.client.internal.ClientCore;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.util.Objects;

/**
 * The calls of a client as RxJava 3 types, in the tree of the official services:
 * {@code RxOpenAIClient.of(client).chat().completions().create(params)} is a {@code Single<ChatCompletion>},
 * {@code createStreaming(params)} a {@code Flowable<ChatCompletionChunk>}.
 *
 * <p>Every call is cold: nothing is sent until subscription, and each subscription is a new
 * request through the client's router (with its retries and failover). Disposing cancels the HTTP
 * call. Calls run on the view's scheduler, {@link Schedulers#io()} unless given, so subscribing never
 * blocks the caller, as with Retrofit's asynchronous RxJava adapter. Failures are the official
 * exceptions, delivered to {@code onError}.
 *
 * <p>A view owns nothing: closing the client it was made from ends its calls.
 */
public final class RxOpenAIClient {
    private final RxChatService chat;
    private final RxEmbeddingService embeddings;
    private final RxAudioService audio;
    private final RxImageService images;
    private final RxModelService models;

    private RxOpenAIClient(ClientCore core, Scheduler scheduler) {
        this.chat = new RxChatService(core, scheduler);
        this.embeddings = new RxEmbeddingService(core, scheduler);
        this.audio = new RxAudioService(core, scheduler);
        this.images = new RxImageService(core, scheduler);
        this.models = new RxModelService(core, scheduler);
    }

    /** The calls of {@code client}, run on {@link Schedulers#io()}. */
    public static RxOpenAIClient of(OpenAIClient client) {
        return of(client, Schedulers.io());
    }

    /** The calls of {@code client}, run on {@code scheduler}. */
    public static RxOpenAIClient of(OpenAIClient client, Scheduler scheduler) {
        Objects.requireNonNull(client, "client");
        if (!(client instanceof OpenAIClientImpl)) throw notSwitchboard(client);
        return new RxOpenAIClient(((OpenAIClientImpl) client).core(), Objects.requireNonNull(scheduler, "scheduler"));
    }

    /** The calls of {@code client}, run on {@link Schedulers#io()}. */
    public static RxOpenAIClient of(OpenAIClientAsync client) {
        return of(client, Schedulers.io());
    }

    /** The calls of {@code client}, run on {@code scheduler}. */
    public static RxOpenAIClient of(OpenAIClientAsync client, Scheduler scheduler) {
        Objects.requireNonNull(client, "client");
        if (!(client instanceof OpenAIClientAsyncImpl)) throw notSwitchboard(client);
        return new RxOpenAIClient(((OpenAIClientAsyncImpl) client).core(), Objects.requireNonNull(scheduler, "scheduler"));
    }

    private static IllegalArgumentException notSwitchboard(Object client) {
        return new IllegalArgumentException("An Rx view needs a client built by OpenAIOkHttpClient or "
                + "OpenAIOkHttpClientAsync, not a " + client.getClass().getName());
    }

    public RxChatService chat() {
        return chat;
    }

    public RxEmbeddingService embeddings() {
        return embeddings;
    }

    public RxAudioService audio() {
        return audio;
    }

    public RxImageService images() {
        return images;
    }

    public RxModelService models() {
        return models;
    }
}
