package dev.switchboard.samples;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.models.ChatModel;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;

/** One chat completion: a developer message, a user message, the assistant's answer and its usage. */
public final class ChatCompletionExample {
    private ChatCompletionExample() {}

    public static void main(String[] args) {
        // Reads OPENAI_API_KEY and OPENAI_BASE_URL (or the openai.apiKey / openai.baseUrl system properties).
        OpenAIClient client = OpenAIOkHttpClient.fromEnv();
        try {
            ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                    .model(ChatModel.GPT_4O_MINI)
                    .maxCompletionTokens(256)
                    .temperature(0.2)
                    .addDeveloperMessage("You are a helpful assistant.")
                    .addUserMessage("Say hello to a Java developer in one sentence.")
                    .build();

            ChatCompletion completion = client.chat().completions().create(params);

            completion.choices().stream()
                    .flatMap(choice -> choice.message().content().stream())
                    .forEach(System.out::println);
            completion.choices().forEach(choice -> System.out.println(
                    "finish reason: " + choice.finishReason().asString()));
            completion.usage().ifPresent(usage -> System.out.println("tokens: " + usage.promptTokens()
                    + " prompt + " + usage.completionTokens() + " completion = " + usage.totalTokens()));
        } finally {
            client.close();
        }
    }
}
