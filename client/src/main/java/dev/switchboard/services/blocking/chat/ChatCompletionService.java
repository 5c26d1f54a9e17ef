package dev.switchboard.services.blocking.chat;

import dev.switchboard.core.RequestOptions;
import dev.switchboard.core.http.StreamResponse;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.models.chat.completions.StructuredChatCompletion;
import dev.switchboard.models.chat.completions.StructuredChatCompletionCreateParams;

/** Chat completions: a whole answer, or its chunks as they are generated. */
public interface ChatCompletionService {

    default ChatCompletion create(ChatCompletionCreateParams params) {
        return create(params, RequestOptions.none());
    }

    /** Routes the request to its model's pool and waits for the answer. */
    ChatCompletion create(ChatCompletionCreateParams params, RequestOptions requestOptions);

    default <T> StructuredChatCompletion<T> create(StructuredChatCompletionCreateParams<T> params) {
        return create(params, RequestOptions.none());
    }

    /**
     * Sends a structured-output request; the answer's messages read their content as a {@code T}
     * (see {@link StructuredChatCompletion}).
     */
    default <T> StructuredChatCompletion<T> create(StructuredChatCompletionCreateParams<T> params, RequestOptions requestOptions) {
        return new StructuredChatCompletion<>(params.responseType(), create(params.rawParams(), requestOptions));
    }

    default StreamResponse<ChatCompletionChunk> createStreaming(ChatCompletionCreateParams params) {
        return createStreaming(params, RequestOptions.none());
    }

    /**
     * Starts the request and returns its chunks as they come. Close the response (try-with-resources)
     * to cancel generation early. A stream that breaks off ends with an exception, never quietly.
     */
    StreamResponse<ChatCompletionChunk> createStreaming(ChatCompletionCreateParams params, RequestOptions requestOptions);

    default StreamResponse<ChatCompletionChunk> createStreaming(StructuredChatCompletionCreateParams<?> params) {
        return createStreaming(params, RequestOptions.none());
    }

    /**
     * Streams a structured-output request. The JSON arrives in pieces; gather the chunks with a
     * {@code ChatCompletionAccumulator} and read them with {@code chatCompletion(T.class)}.
     */
    default StreamResponse<ChatCompletionChunk> createStreaming(StructuredChatCompletionCreateParams<?> params,
            RequestOptions requestOptions) {
        return createStreaming(params.rawParams(), requestOptions);
    }
}
