package dev.switchboard.services.async.chat;

import dev.switchboard.core.RequestOptions;
import dev.switchboard.core.http.AsyncStreamResponse;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.models.chat.completions.StructuredChatCompletion;
import dev.switchboard.models.chat.completions.StructuredChatCompletionCreateParams;
import java.util.concurrent.CompletableFuture;

/** Chat completions, asynchronously. Cancelling a future cancels its request. */
public interface ChatCompletionServiceAsync {

    default CompletableFuture<ChatCompletion> create(ChatCompletionCreateParams params) {
        return create(params, RequestOptions.none());
    }

    CompletableFuture<ChatCompletion> create(ChatCompletionCreateParams params, RequestOptions requestOptions);

    default <T> CompletableFuture<StructuredChatCompletion<T>> create(StructuredChatCompletionCreateParams<T> params) {
        return create(params, RequestOptions.none());
    }

    /**
     * Sends a structured-output request; the answer's messages read their content as a {@code T}.
     * Cancelling the returned future cancels the request, as for plain requests.
     */
    default <T> CompletableFuture<StructuredChatCompletion<T>> create(StructuredChatCompletionCreateParams<T> params,
            RequestOptions requestOptions) {
        CompletableFuture<ChatCompletion> raw = create(params.rawParams(), requestOptions);
        CompletableFuture<StructuredChatCompletion<T>> structured =
                raw.thenApply(completion -> new StructuredChatCompletion<>(params.responseType(), completion));
        // thenApply's future does not pass its cancellation upstream by itself.
        structured.whenComplete((completion, error) -> {
            if (structured.isCancelled()) raw.cancel(true);
        });
        return structured;
    }

    default AsyncStreamResponse<ChatCompletionChunk> createStreaming(ChatCompletionCreateParams params) {
        return createStreaming(params, RequestOptions.none());
    }

    /** The chunks, delivered to a handler once subscribed; close the response to cancel generation. */
    AsyncStreamResponse<ChatCompletionChunk> createStreaming(ChatCompletionCreateParams params, RequestOptions requestOptions);

    default AsyncStreamResponse<ChatCompletionChunk> createStreaming(StructuredChatCompletionCreateParams<?> params) {
        return createStreaming(params, RequestOptions.none());
    }

    /** Streams a structured-output request; gather the chunks with a {@code ChatCompletionAccumulator}. */
    default AsyncStreamResponse<ChatCompletionChunk> createStreaming(StructuredChatCompletionCreateParams<?> params,
            RequestOptions requestOptions) {
        return createStreaming(params.rawParams(), requestOptions);
    }
}
