package dev.switchboard.samples;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.core.JsonValue;
import dev.switchboard.models.ChatModel;
import dev.switchboard.models.ResponseFormatJsonSchema;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import java.util.List;
import java.util.Map;

/** Structured output with a JSON schema written by hand: the answer is a JSON document of that shape. */
public final class StructuredOutputsRawExample {
    private StructuredOutputsRawExample() {}

    public static void main(String[] args) {
        OpenAIClient client = OpenAIOkHttpClient.fromEnv();
        try {
            ResponseFormatJsonSchema.JsonSchema.Schema schema = ResponseFormatJsonSchema.JsonSchema.Schema.builder()
                    .putAdditionalProperty("type", JsonValue.from("object"))
                    .putAdditionalProperty("properties", JsonValue.from(Map.of(
                            "employees", Map.of("type", "array", "items", Map.of("type", "string")))))
                    .putAdditionalProperty("required", JsonValue.from(List.of("employees")))
                    .putAdditionalProperty("additionalProperties", JsonValue.from(false))
                    .build();

            ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                    .model(ChatModel.GPT_4O_MINI)
                    .maxCompletionTokens(256)
                    .responseFormat(ResponseFormatJsonSchema.builder()
                            .jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
                                    .name("employee-list")
                                    .schema(schema)
                                    .strict(true)
                                    .build())
                            .build())
                    .addUserMessage("Who worked at the switchboard in 1950? Give me a list of three names.")
                    .build();

            client.chat().completions().create(params).choices().stream()
                    .flatMap(choice -> choice.message().content().stream())
                    .forEach(System.out::println);
        } finally {
            client.close();
        }
    }
}
