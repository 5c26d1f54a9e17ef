package dev.switchboard.services.blocking.chat;

import dev.switchboard.client.internal.BlockingStreamResponse;
import dev.switchboard.client.internal.ClientCore;
import dev.switchboard.client.internal.RxBridge;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.core.http.StreamResponse;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;

/** Hands each call to the client's core; nothing else. */
public final class ChatCompletionServiceImpl implements ChatCompletionService {
    private final ClientCore core;

    public ChatCompletionServiceImpl(ClientCore core) {
        this.core = core;
    }

    @Override
    public ChatCompletion create(ChatCompletionCreateParams params, RequestOptions requestOptions) {
        return RxBridge.await(core.chatCompletion(params, requestOptions));
    }

    @Override
    public StreamResponse<ChatCompletionChunk> createStreaming(ChatCompletionCreateParams params, RequestOptions requestOptions) {
        return BlockingStreamResponse.open(core.chatCompletionStream(params, requestOptions));
    }
}
