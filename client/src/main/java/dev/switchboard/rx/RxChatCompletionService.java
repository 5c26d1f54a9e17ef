package dev.switchboard.rx;

import dev.switchboard.client.internal.ClientCore;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;

/** Chat completions: a whole answer, or its chunks as they are generated. */
public final class RxChatCompletionService {
    private final ClientCore core;
    private final Scheduler scheduler;

    RxChatCompletionService(ClientCore core, Scheduler scheduler) {
        this.core = core;
        this.scheduler = scheduler;
    }

    public Single<ChatCompletion> create(ChatCompletionCreateParams params) {
        return create(params, RequestOptions.none());
    }

    public Single<ChatCompletion> create(ChatCompletionCreateParams params, RequestOptions requestOptions) {
        return core.chatCompletion(params, requestOptions).subscribeOn(scheduler);
    }

    public Flowable<ChatCompletionChunk> createStreaming(ChatCompletionCreateParams params) {
        return createStreaming(params, RequestOptions.none());
    }

    /**
     * The chunks as they are read, one read per request: a slow subscriber holds the server back
     * rather than buffering. Completes only when the answer is whole; cancelling stops generation.
     */
    public Flowable<ChatCompletionChunk> createStreaming(ChatCompletionCreateParams params, RequestOptions requestOptions) {
        return core.chatCompletionStream(params, requestOptions).subscribeOn(scheduler);
    }
}
