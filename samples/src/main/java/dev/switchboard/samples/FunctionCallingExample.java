package dev.switchboard.samples;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.core.JsonValue;
import dev.switchboard.models.ChatModel;
import dev.switchboard.models.FunctionDefinition;
import dev.switchboard.models.FunctionParameters;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.models.chat.completions.ChatCompletionFunctionTool;
import dev.switchboard.models.chat.completions.ChatCompletionMessage;
import dev.switchboard.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import dev.switchboard.models.chat.completions.ChatCompletionMessageToolCall;
import dev.switchboard.models.chat.completions.ChatCompletionToolMessageParam;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A function tool described by hand as JSON schema: the model asks for the weather, the program
 * answers each tool call with a tool message, and the model uses the answers in its reply.
 */
public final class FunctionCallingExample {
    private FunctionCallingExample() {}

    /** The arguments the model passes to {@code get_weather}. */
    public record WeatherQuery(String city, String unit) {}

    public static void main(String[] args) {
        OpenAIClient client = OpenAIOkHttpClient.fromEnv();
        try {
            // In order: a model fills the properties in the order the schema lists them, and Map.of keeps none.
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("city", Map.of("type", "string"));
            properties.put("unit", Map.of("type", "string", "enum", List.of("celsius", "fahrenheit")));

            ChatCompletionFunctionTool weatherTool = ChatCompletionFunctionTool.builder()
                    .function(FunctionDefinition.builder()
                            .name("get_weather")
                            .description("Gets the current weather in a city.")
                            .parameters(FunctionParameters.builder()
                                    .putAdditionalProperty("type", JsonValue.from("object"))
                                    .putAdditionalProperty("properties", JsonValue.from(properties))
                                    .putAdditionalProperty("required", JsonValue.from(List.of("city", "unit")))
                                    .putAdditionalProperty("additionalProperties", JsonValue.from(false))
                                    .build())
                            .build())
                    .build();

            ChatCompletionCreateParams.Builder conversation = ChatCompletionCreateParams.builder()
                    .model(ChatModel.GPT_4O_MINI)
                    .maxCompletionTokens(512)
                    .addTool(weatherTool)
                    .addUserMessage("Should I take an umbrella in Paris or in Oslo today?");

            ChatCompletionMessage request = firstMessage(client.chat().completions().create(conversation.build()));
            // The assistant's message, tool calls included, stays in the conversation.
            conversation.addMessage(request);
            request.content().ifPresent(System.out::println);

            for (ChatCompletionMessageToolCall toolCall : request.toolCalls().orElse(List.of())) {
                ChatCompletionMessageFunctionToolCall call = toolCall.asFunction();
                String result = callFunction(call.function());
                System.out.println(call.function().name() + "(" + call.function().arguments() + ") -> " + result);
                conversation.addMessage(ChatCompletionToolMessageParam.builder()
                        .toolCallId(call.id())
                        .content(result)
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

    private static String callFunction(ChatCompletionMessageFunctionToolCall.Function function) {
        if (!function.name().equals("get_weather")) {
            throw new IllegalArgumentException("Unknown function: " + function.name());
        }
        WeatherQuery query = function.arguments(WeatherQuery.class);
        boolean rain = query.city().equals("Oslo");
        String temperature = query.unit().equals("fahrenheit") ? "59F" : "15C";
        return "{\"city\":\"" + query.city() + "\",\"temperature\":\"" + temperature + "\",\"rain\":" + rain + "}";
    }
}
