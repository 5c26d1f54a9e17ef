package dev.switchboard.structured;

import static dev.switchboard.structured.Shop.compact;
import static dev.switchboard.structured.Shop.completion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.switchboard.client.OpenAIClient;
import dev.switchboard.core.JsonArray;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonValueAdapter;
import dev.switchboard.errors.OpenAIInvalidDataException;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.models.chat.completions.ChatCompletionMessage;
import dev.switchboard.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import dev.switchboard.models.chat.completions.ChatCompletionToolMessageParam;
import dev.switchboard.testing.MockServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Function tools whose parameters are a class, and calls of them read back into the class. */
class FunctionToolFromClassTest {
    private final MockServer server = new MockServer();
    private final OpenAIClient client = server.client();

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
    }

    @JsonClassDescription("Gets the current weather in a city")
    record GetWeather(@JsonPropertyDescription("The city, as in Paris") String city, Unit unit) {}

    enum Unit { CELSIUS, FAHRENHEIT }

    record Weather(@JsonProperty("temperature_c") double temperatureC, String sky) {}

    private static final String CALL = "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\","
            + "\"type\":\"function\",\"function\":{\"name\":\"GetWeather\",\"arguments\":"
            + "\"{\\\"city\\\":\\\"Paris\\\",\\\"unit\\\":\\\"CELSIUS\\\"}\"}}]}";

    private ChatCompletion ask(ChatCompletionCreateParams params, String answer) {
        server.enqueueJson(completion(answer, "tool_calls"));
        return client.chat().completions().create(params);
    }

    @Test
    void aToolFromAClassIsAStrictFunctionNamedAndDescribedByTheClass() {
        ask(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini")
                .addUserMessage("Weather in Paris?")
                .addTool(GetWeather.class)
                .build(), CALL);

        assertThat(server.takeRequest().getBody().readUtf8()).isEqualTo(compact("""
                {
                  "messages": [{"content": "Weather in Paris?", "role": "user"}],
                  "model": "gpt-4o-mini",
                  "tools": [{
                    "function": {
                      "name": "GetWeather",
                      "description": "Gets the current weather in a city",
                      "parameters": {
                        "$schema": "https://json-schema.org/draft/2020-12/schema",
                        "type": "object",
                        "properties": {
                          "city": {"type": "string", "description": "The city, as in Paris"},
                          "unit": {"type": "string", "enum": ["CELSIUS", "FAHRENHEIT"]}
                        },
                        "required": ["city", "unit"],
                        "additionalProperties": false
                      },
                      "strict": true
                    },
                    "type": "function"
                  }]
                }
                """));
    }

    @JsonTypeName("lookup_stock")
    record StockQuery(String symbol) {}

    @Test
    void jsonTypeNameNamesTheToolAndNoDescriptionIsSentWithoutOne() {
        ask(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini")
                .addUserMessage("Price of ACME?")
                .addTool(StockQuery.class)
                .build(), CALL);

        assertThat(server.takeRequest().getBody().readUtf8()).contains("\"tools\":[{\"function\":{\"name\":\"lookup_stock\","
                + "\"parameters\":{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
                + "\"properties\":{\"symbol\":{\"type\":\"string\"}},\"required\":[\"symbol\"],"
                + "\"additionalProperties\":false},\"strict\":true},\"type\":\"function\"}]");
    }

    @Test
    void aCallsArgumentsAreReadIntoTheClassAndTheResultGoesBackAsJson() {
        ChatCompletionMessage message = ask(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini")
                .addUserMessage("Weather in Paris?")
                .addTool(GetWeather.class)
                .build(), CALL).choices().get(0).message();
        server.takeRequest();

        ChatCompletionMessageFunctionToolCall call = message.toolCalls().get().get(0).asFunction();
        GetWeather arguments = call.function().arguments(GetWeather.class);
        assertThat(arguments).isEqualTo(new GetWeather("Paris", Unit.CELSIUS));

        server.enqueueJson(completion("{\"role\":\"assistant\",\"content\":\"Sunny, 21 C.\"}", "stop"));
        client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini")
                .addUserMessage("Weather in Paris?")
                .addTool(GetWeather.class)
                .addMessage(message)
                .addMessage(ChatCompletionToolMessageParam.builder()
                        .toolCallId(call.id())
                        .contentAsJson(new Weather(21.0, "sunny"))
                        .build())
                .build());

        JsonObject body = (JsonObject) JsonValueAdapter.parse(server.takeRequest().getBody().readUtf8());
        List<JsonValue> messages = ((JsonArray) body.values().get("messages")).values();
        assertThat(JsonValueAdapter.toJsonString(((JsonObject) messages.get(1)).values().get("tool_calls")))
                .isEqualTo("[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"GetWeather\","
                        + "\"arguments\":\"{\\\"city\\\":\\\"Paris\\\",\\\"unit\\\":\\\"CELSIUS\\\"}\"}}]");
        assertThat(JsonValueAdapter.toJsonString(messages.get(2))).isEqualTo("{\"content\":\"{\\\"temperature_c\\\":21.0,"
                + "\\\"sky\\\":\\\"sunny\\\"}\",\"role\":\"tool\",\"tool_call_id\":\"call_1\"}");
    }

    @Test
    void argumentsThatDoNotFitTheClassAreInvalidDataNamingTheirPath() {
        ChatCompletionMessageFunctionToolCall call = ChatCompletionMessageFunctionToolCall.builder()
                .id("call_2")
                .function(ChatCompletionMessageFunctionToolCall.Function.builder()
                        .name("GetWeather")
                        .arguments("{\"city\":\"Paris\",\"unit\":\"KELVIN\"}")
                        .build())
                .build();

        assertThatThrownBy(() -> call.function().arguments(GetWeather.class))
                .isInstanceOf(OpenAIInvalidDataException.class)
                .hasMessage("Cannot convert JSON to GetWeather: Expected one of [CELSIUS, FAHRENHEIT] but was KELVIN"
                        + " at path $.unit");
    }

    @Test
    void aClassThatCannotBeAStrictSchemaCannotBeATool() {
        assertThatThrownBy(() -> ChatCompletionCreateParams.builder().addTool(Object.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot derive a JSON schema from Object: Object has no JSON schema; use a concrete type");
    }
}
