package dev.switchboard.services.blocking.chat;

import dev.switchboard.core.RequestOptions;
import dev.switchboard.core.http.StreamResponse;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;

/** Chat completions: a whole answer, or its chunks as they are generated. */
public interface ChatCompletionService {

    default ChatCompletion create(ChatCompletionCreateParams params) {
        return create(params, RequestOptions.none());
    }

    /** Routes the request to its model's pool and waits for the answer. */
    ChatCompletion create(ChatCompletionCreateParams params, RequestOptions requestOptions);

    default StreamResponse<ChatCompletionChunk> createStreaming(ChatCompletionCreateParams params) {
        return createStreaming(params, RequestOptions.none());
    }

    /**
     * Starts the request and returns its chunks as they come. Close the response (try-with-resources)
     * to cancel generation early. A stream that breaks off ends with an exception, never quietly.
     */
    StreamResponse<ChatCompletionChunk> createStreaming(ChatCompletionCreateParams params, RequestOptions requestOptions);
}
