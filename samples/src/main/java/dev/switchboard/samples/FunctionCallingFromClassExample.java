package dev.switchboard.samples;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.models.ChatModel;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.models.chat.completions.ChatCompletionMessage;
import dev.switchboard.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import dev.switchboard.models.chat.completions.ChatCompletionMessageToolCall;
import dev.switchboard.models.chat.completions.ChatCompletionToolMessageParam;
import java.util.List;

/**
 * Function tools derived from classes: each class is a function (its name, its
 * {@code @JsonClassDescription}, its fields as strict parameters). The model's calls are read back
 * into those classes, and each result is sent back as JSON.
 */
public final class FunctionCallingFromClassExample {
    private FunctionCallingFromClassExample() {}

    public enum Unit { CELSIUS, FAHRENHEIT }

    @JsonClassDescription("Gets the current weather in a city.")
    public static class GetWeather {
        @JsonPropertyDescription("The city, in English.")
        public String city;

        public Unit unit;

        Weather execute() {
            boolean rain = city.equals("Oslo");
            int celsius = rain ? 9 : 18;
            return new Weather(city, unit == Unit.FAHRENHEIT ? celsius * 9 / 5 + 32 : celsius, unit, rain);
        }
    }

    @JsonClassDescription("Gets the local time of sunset today in a city.")
    public static class GetSunset {
        @JsonPropertyDescription("The city, in English.")
        public String city;

        Sunset execute() {
            return new Sunset(city, city.equals("Oslo") ? "16:05" : "17:48");
        }
    }

    /** What {@link GetWeather} answers; sent back to the model as JSON. */
    public record Weather(String city, int temperature, Unit unit, boolean rain) {}

    /** What {@link GetSunset} answers. */
    public record Sunset(String city, String time) {}

    public static void main(String[] args) {
        OpenAIClient client = OpenAIOkHttpClient.fromEnv();
        try {
            ChatCompletionCreateParams.Builder conversation = ChatCompletionCreateParams.builder()
                    .model(ChatModel.GPT_4O_MINI)
                    .maxCompletionTokens(512)
                    .addTool(GetWeather.class)
                    .addTool(GetSunset.class)
                    .addUserMessage("Should I take an umbrella in Paris or in Oslo today, and how long is it light there?");

            ChatCompletionMessage request = firstMessage(client.chat().completions().create(conversation.build()));
            // The assistant's message, tool calls included, stays in the conversation.
            conversation.addMessage(request);
            request.content().ifPresent(System.out::println);

            for (ChatCompletionMessageToolCall toolCall : request.toolCalls().orElse(List.of())) {
                ChatCompletionMessageFunctionToolCall call = toolCall.asFunction();
                Object result = callFunction(call.function());
                System.out.println(call.function().name() + " " + call.function().arguments() + " -> " + result);
                conversation.addMessage(ChatCompletionToolMessageParam.builder()
                        .toolCallId(call.id())
                        .contentAsJson(result)
                        .build());
            }

            ChatCompletionMessage answer = firstMessage(client.chat().completions().create(conversation.build()));
            answer.content().ifPresent(System.out::println);
        } finally {
            client.close();
        }
    }

    private static ChatCompletionMessage firstMessage(ChatCompletion completion) {
        return completion.choices().get(0).message();
    }

    private static Object callFunction(ChatCompletionMessageFunctionToolCall.Function function) {
        switch (function.name()) {
            case "GetWeather":
                return function.arguments(GetWeather.class).execute();
            case "GetSunset":
                return function.arguments(GetSunset.class).execute();
            default:
                throw new IllegalArgumentException("Unknown function: " + function.name());
        }
    }
}
