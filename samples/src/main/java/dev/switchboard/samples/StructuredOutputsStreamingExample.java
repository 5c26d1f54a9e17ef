package dev.switchboard.samples;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.core.http.StreamResponse;
import dev.switchboard.helpers.ChatCompletionAccumulator;
import dev.switchboard.models.ChatModel;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.models.chat.completions.StructuredChatCompletion;
import dev.switchboard.models.chat.completions.StructuredChatCompletionCreateParams;
import java.util.List;

/**
 * Structured output, streamed: the JSON is printed as it arrives, and the accumulated completion is
 * read back into the class the schema was derived from.
 */
public final class StructuredOutputsStreamingExample {
    private StructuredOutputsStreamingExample() {}

    public record Step(
            @JsonPropertyDescription("What to do, in one short sentence.") String instruction,
            @JsonPropertyDescription("How long the step takes, in minutes.") int minutes) {}

    public record Recipe(String title, int servings, List<String> ingredients, List<Step> steps) {}

    public static void main(String[] args) {
        OpenAIClient client = OpenAIOkHttpClient.fromEnv();
        try {
            StructuredChatCompletionCreateParams<Recipe> params = ChatCompletionCreateParams.builder()
                    .model(ChatModel.GPT_4O_MINI)
                    .maxCompletionTokens(1024)
                    .responseFormat(Recipe.class)
                    .addUserMessage("Give me a simple recipe for pancakes.")
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

            StructuredChatCompletion<Recipe> completion = accumulator.chatCompletion(Recipe.class);
            completion.choices().stream()
                    .flatMap(choice -> choice.message().content().stream())
                    .forEach(recipe -> {
                        System.out.println(recipe.title() + ", for " + recipe.servings());
                        System.out.println("ingredients: " + String.join(", ", recipe.ingredients()));
                        int total = 0;
                        for (Step step : recipe.steps()) {
                            total += step.minutes();
                            System.out.println("  " + step.instruction() + " (" + step.minutes() + " min)");
                        }
                        System.out.println("ready in " + total + " minutes");
                    });
        } finally {
            client.close();
        }
    }
}
