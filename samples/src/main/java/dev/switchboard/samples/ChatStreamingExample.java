package dev.switchboard.samples;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.core.http.StreamResponse;
import dev.switchboard.models.ChatModel;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.models.chat.completions.ChatCompletionStreamOptions;

/** A streamed chat completion, printed as the chunks arrive, with the token usage the last chunk carries. */
public final class ChatStreamingExample {
    private ChatStreamingExample() {}

    public static void main(String[] args) {
        OpenAIClient client = OpenAIOkHttpClient.fromEnv();
        try {
            ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                    .model(ChatModel.GPT_4O_MINI)
                    .maxCompletionTokens(512)
                    .addDeveloperMessage("You are a helpful assistant.")
                    .addUserMessage("Tell me a short story about building the best SDK!")
                    .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                    .build();

            // Closing the stream (here by try-with-resources) ends the request, even when it is left early.
            try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
                stream.stream().forEach(chunk -> {
                    chunk.choices().forEach(choice -> {
                        choice.delta().content().ifPresent(System.out::print);
                        choice.finishReason().ifPresent(reason -> System.out.println("\n[finish reason: " + reason + "]"));
                    });
                    chunk.usage().ifPresent(usage -> System.out.println("[tokens: " + usage.totalTokens() + "]"));
                });
            }
        } finally {
            client.close();
        }
    }
}
