package dev.switchboard.samples;

import dev.switchboard.client.OpenAIClientAsync;
import dev.switchboard.client.okhttp.OpenAIOkHttpClientAsync;
import dev.switchboard.models.ChatModel;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import java.util.concurrent.CompletableFuture;

/** A chat completion with the asynchronous client: the answer arrives as a CompletableFuture. */
public final class ChatAsyncExample {
    private ChatAsyncExample() {}

    public static void main(String[] args) {
        OpenAIClientAsync client = OpenAIOkHttpClientAsync.fromEnv();
        try {
            ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                    .model(ChatModel.GPT_4O_MINI)
                    .maxCompletionTokens(256)
                    .addDeveloperMessage("You are a helpful assistant.")
                    .addUserMessage("Name three things an asynchronous API is good for.")
                    .build();

            CompletableFuture<ChatCompletion> completion = client.chat().completions().create(params);

            completion
                    .thenAccept(answer -> answer.choices().stream()
                            .flatMap(choice -> choice.message().content().stream())
                            .forEach(System.out::println))
                    .join();
        } finally {
            client.close();
        }
    }
}
