package dev.switchboard.samples;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.core.http.StreamResponse;
import dev.switchboard.helpers.ChatCompletionAccumulator;
import dev.switchboard.models.ChatModel;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.models.chat.completions.ChatCompletionStreamOptions;

/**
 * A streamed answer printed as it comes and, at the same time, accumulated into the
 * {@link ChatCompletion} an unstreamed request would have returned.
 */
public final class ChatStreamingAccumulatorExample {
    private ChatStreamingAccumulatorExample() {}

    public static void main(String[] args) {
        OpenAIClient client = OpenAIOkHttpClient.fromEnv();
        try {
            ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                    .model(ChatModel.GPT_4O_MINI)
                    .maxCompletionTokens(512)
                    .addUserMessage("Tell me a one-sentence story about an SDK.")
                    .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                    .build();

            ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
            try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
                stream.stream()
                        .map(accumulator::accumulate)
                        .flatMap(chunk -> chunk.choices().stream())
                        .flatMap(choice -> choice.delta().content().stream())
                        .forEach(System.out::print);
            }
            System.out.println();

            ChatCompletion completion = accumulator.chatCompletion();
            System.out.println("id: " + completion.id() + ", model: " + completion.model());
            completion.choices().forEach(choice -> {
                String content = choice.message().content().orElse("");
                System.out.println("choice " + choice.index() + ": " + choice.finishReason()
                        + ", " + content.length() + " characters: " + content);
            });
            completion.usage().ifPresent(usage -> System.out.println("tokens: " + usage.promptTokens() + " in, "
                    + usage.completionTokens() + " out, " + usage.totalTokens() + " in all"));
        } finally {
            client.close();
        }
    }
}
