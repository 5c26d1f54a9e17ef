package dev.switchboard.services.async.chat;

import dev.switchboard.client.internal.ClientCore;
import dev.switchboard.client.internal.FlowableAsyncStreamResponse;
import dev.switchboard.client.internal.RxBridge;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.core.http.AsyncStreamResponse;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import java.util.concurrent.CompletableFuture;

/** Hands each call to the client's core; nothing else. */
public final class ChatCompletionServiceAsyncImpl implements ChatCompletionServiceAsync {
    private final ClientCore core;

    public ChatCompletionServiceAsyncImpl(ClientCore core) {
        this.core = core;
    }

    @Override
    public CompletableFuture<ChatCompletion> create(ChatCompletionCreateParams params, RequestOptions requestOptions) {
        return RxBridge.future(core.chatCompletion(params, requestOptions));
    }

    @Override
    public AsyncStreamResponse<ChatCompletionChunk> createStreaming(ChatCompletionCreateParams params, RequestOptions requestOptions) {
        return new FlowableAsyncStreamResponse<>(core.chatCompletionStream(params, requestOptions), core.streamHandlerExecutor());
    }
}
