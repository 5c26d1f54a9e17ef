package dev.switchboard.samples;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.models.ChatModel;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import java.time.Duration;

/** One chat completion: a developer message, a user message, the assistant's answer and its usage. */
public final class ChatCompletionExample {
    private ChatCompletionExample() {}

    public static void main(String[] args) {
        // Reads OPENAI_API_KEY and OPENAI_BASE_URL (or the openai.apiKey / openai.baseUrl system properties),
        // then sets what the environment does not say.
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .fromEnv()
                .maxRetries(3)
                .timeout(Duration.ofSeconds(60))
                .build();
        try {
            ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                    .model(ChatModel.GPT_4O_MINI)
                    .maxCompletionTokens(256)
                    .temperature(0.2)
                    .addDeveloperMessage("You are a helpful assistant.")
                    .addUserMessage("Say hello to a Java developer in one sentence.")
                    .build();

            // Options for this call only.
            RequestOptions options = RequestOptions.builder().timeout(Duration.ofSeconds(30)).build();
            ChatCompletion completion = client.chat().completions().create(params, options);

            for (ChatCompletion.Choice choice : completion.choices()) {
                choice.message().content().ifPresent(System.out::println);
                switch (choice.finishReason().value()) {
                    case STOP:
                        System.out.println("(complete answer)");
                        break;
                    case LENGTH:
                        System.out.println("(cut short: raise maxCompletionTokens)");
                        break;
                    default:
                        System.out.println("(finished: " + choice.finishReason() + ")");
                }
            }
            completion.usage().ifPresent(usage -> System.out.println("tokens: " + usage.promptTokens()
                    + " prompt + " + usage.completionTokens() + " completion = " + usage.totalTokens()));
        } finally {
            client.close();
        }
    }
}
