package dev.switchboard.samples;

import dev.switchboard.client.OpenAIClientAsync;
import dev.switchboard.client.okhttp.OpenAIOkHttpClientAsync;
import dev.switchboard.core.http.AsyncStreamResponse;
import dev.switchboard.models.ChatModel;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import java.util.Optional;

/** A streamed chat completion with the asynchronous client: a handler sees each chunk, then the end. */
public final class ChatAsyncStreamingExample {
    private ChatAsyncStreamingExample() {}

    public static void main(String[] args) {
        OpenAIClientAsync client = OpenAIOkHttpClientAsync.fromEnv();
        try {
            ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                    .model(ChatModel.GPT_4O_MINI)
                    .maxCompletionTokens(512)
                    .addDeveloperMessage("You are a helpful assistant.")
                    .addUserMessage("Tell me a short story about building the best SDK!")
                    .build();

            client.chat()
                    .completions()
                    .createStreaming(params)
                    .subscribe(new AsyncStreamResponse.Handler<ChatCompletionChunk>() {
                        @Override
                        public void onNext(ChatCompletionChunk chunk) {
                            chunk.choices().stream()
                                    .flatMap(choice -> choice.delta().content().stream())
                                    .forEach(System.out::print);
                        }

                        @Override
                        public void onComplete(Optional<Throwable> error) {
                            System.out.println();
                            System.out.println(error.map(e -> "stream failed: " + e).orElse("stream complete"));
                        }
                    })
                    .onCompleteFuture()
                    .join();
        } finally {
            client.close();
        }
    }
}
