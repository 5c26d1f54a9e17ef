package dev.switchboard.services.async.chat;

import dev.switchboard.core.RequestOptions;
import dev.switchboard.core.http.AsyncStreamResponse;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import java.util.concurrent.CompletableFuture;

/** Chat completions, asynchronously. Cancelling a future cancels its request. */
public interface ChatCompletionServiceAsync {

    default CompletableFuture<ChatCompletion> create(ChatCompletionCreateParams params) {
        return create(params, RequestOptions.none());
    }

    CompletableFuture<ChatCompletion> create(ChatCompletionCreateParams params, RequestOptions requestOptions);

    default AsyncStreamResponse<ChatCompletionChunk> createStreaming(ChatCompletionCreateParams params) {
        return createStreaming(params, RequestOptions.none());
    }

    /** The chunks, delivered to a handler once subscribed; close the response to cancel generation. */
    AsyncStreamResponse<ChatCompletionChunk> createStreaming(ChatCompletionCreateParams params, RequestOptions requestOptions);
}
