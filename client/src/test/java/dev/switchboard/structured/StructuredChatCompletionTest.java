package dev.switchboard.structured;

import static dev.switchboard.structured.Shop.ORDER;
import static dev.switchboard.structured.Shop.ORDER_JSON;
import static dev.switchboard.structured.Shop.ORDER_SCHEMA;
import static dev.switchboard.structured.Shop.completion;
import static dev.switchboard.structured.Shop.quoted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.core.JsonSchemaLocalValidation;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.http.StreamResponse;
import dev.switchboard.errors.OpenAIInvalidDataException;
import dev.switchboard.helpers.ChatCompletionAccumulator;
import dev.switchboard.models.ChatModel;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.models.chat.completions.StructuredChatCompletion;
import dev.switchboard.models.chat.completions.StructuredChatCompletionCreateParams;
import dev.switchboard.models.chat.completions.StructuredChatCompletionMessage;
import dev.switchboard.structured.Shop.Order;
import dev.switchboard.testing.MockServer;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Structured outputs from a class, blocking: the request a class makes, and the answer read back into it. */
class StructuredChatCompletionTest {
    private final MockServer server = new MockServer();
    private final OpenAIClient client = server.client();

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
    }

    private static StructuredChatCompletionCreateParams<Order> orderRequest() {
        return ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4O_MINI)
                .addUserMessage("Two teas to Ada Lovelace, 12 St James's Sq, London SW1Y 4JH; hold until paid.")
                .responseFormat(Order.class)
                .build();
    }

    private StructuredChatCompletion<Order> answer(String messageJson) {
        server.enqueueJson(completion(messageJson, "stop"));
        return client.chat().completions().create(orderRequest());
    }

    @Test
    void theRequestCarriesTheStrictJsonSchemaOfTheClass() {
        answer("{\"role\":\"assistant\",\"content\":" + quoted(ORDER_JSON) + "}");

        RecordedRequest request = server.takeRequest();
        assertThat(request.getPath()).isEqualTo("/v1/chat/completions");
        assertThat(request.getBody().readUtf8()).isEqualTo("{\"messages\":[{\"content\":\"Two teas to Ada Lovelace,"
                + " 12 St James's Sq, London SW1Y 4JH; hold until paid.\",\"role\":\"user\"}],\"model\":\"gpt-4o-mini\","
                + "\"response_format\":{\"json_schema\":{\"name\":\"json-schema-from-Order\",\"schema\":" + ORDER_SCHEMA
                + ",\"strict\":true},\"type\":\"json_schema\"}}");
    }

    @Test
    void theAnswerIsReadIntoTheClass() {
        StructuredChatCompletion<Order> completion = answer("{\"role\":\"assistant\",\"content\":" + quoted(ORDER_JSON) + "}");

        StructuredChatCompletionMessage<Order> message = completion.choices().get(0).message();
        assertThat(message.content()).contains(ORDER);
        assertThat(message.refusal()).isEmpty();
        assertThat(completion.id()).isEqualTo("chatcmpl-7");
        assertThat(completion.responseType()).isEqualTo(Order.class);
        assertThat(completion.usage().get().totalTokens()).isEqualTo(90);
        assertThat(completion.rawChatCompletion().choices().get(0).message().content()).contains(ORDER_JSON);
    }

    @Test
    void aRefusalHasNoContent() {
        StructuredChatCompletion<Order> completion =
                answer("{\"role\":\"assistant\",\"content\":null,\"refusal\":\"I can't help with that.\"}");

        StructuredChatCompletionMessage<Order> message = completion.choices().get(0).message();
        assertThat(message.content()).isEmpty();
        assertThat(message.refusal()).contains("I can't help with that.");
    }

    @Test
    void contentThatDoesNotFitTheClassIsInvalidDataNamingItsPath() {
        String wrong = ORDER_JSON.replace("\"quantity\":2", "\"quantity\":\"two\"");
        StructuredChatCompletion<Order> completion = answer("{\"role\":\"assistant\",\"content\":" + quoted(wrong) + "}");

        assertThatThrownBy(() -> completion.choices().get(0).message().content())
                .isInstanceOf(OpenAIInvalidDataException.class)
                .hasMessage("The message content is not a valid Order: Cannot convert JSON to Order:"
                        + " Expected NUMBER but was two, a java.lang.String, at path $.lines[0].quantity");
    }

    @Test
    void contentCutShortIsInvalidDataNamingWhereItEnds() {
        String cut = ORDER_JSON.substring(0, ORDER_JSON.indexOf(",\"status\""));
        server.enqueueJson(completion("{\"role\":\"assistant\",\"content\":" + quoted(cut) + "}", "length"));
        StructuredChatCompletion<Order> completion = client.chat().completions().create(orderRequest());

        assertThatThrownBy(() -> completion.choices().get(0).message().content())
                .isInstanceOf(OpenAIInvalidDataException.class)
                .hasMessage("The message content is not a valid Order: Malformed JSON: End of input at path $.lines");
    }

    @Test
    void settingsBeforeAndAfterTheResponseFormatAllReachTheRequest() {
        StructuredChatCompletionCreateParams<Order> params = ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini")
                .temperature(0.2)
                .responseFormat(Order.class)
                .addSystemMessage("Read orders.")
                .addUserMessage("One tea.")
                .maxCompletionTokens(300L)
                .seed(7)
                .putAdditionalBodyProperty("top_k", JsonValue.from(5))
                .putAdditionalHeader("X-Trace", "abc")
                .putAdditionalQueryParam("api-version", "1")
                .build();
        server.enqueueJson(completion("{\"role\":\"assistant\",\"content\":" + quoted(ORDER_JSON) + "}", "stop"));

        client.chat().completions().create(params);

        RecordedRequest request = server.takeRequest();
        assertThat(request.getPath()).isEqualTo("/v1/chat/completions?api-version=1");
        assertThat(request.getHeader("X-Trace")).isEqualTo("abc");
        assertThat(request.getBody().readUtf8()).isEqualTo("{\"messages\":[{\"content\":\"Read orders.\",\"role\":\"system\"},"
                + "{\"content\":\"One tea.\",\"role\":\"user\"}],\"model\":\"gpt-4o-mini\",\"max_completion_tokens\":300,"
                + "\"response_format\":{\"json_schema\":{\"name\":\"json-schema-from-Order\",\"schema\":" + ORDER_SCHEMA
                + ",\"strict\":true},\"type\":\"json_schema\"},\"seed\":7,\"temperature\":0.2,\"top_k\":5}");
    }

    @Test
    void theRawParamsAreThePlainRequestWithTheSchemaAsResponseFormat() {
        StructuredChatCompletionCreateParams<Order> params = orderRequest();

        assertThat(params.responseType()).isEqualTo(Order.class);
        assertThat(params.rawParams().responseFormat().get().isJsonSchema()).isTrue();
        assertThat(params.rawParams().responseFormat().get().asJsonSchema().jsonSchema().strict()).contains(true);
    }

    @Test
    void buildingWithoutAResponseTypeFails() {
        assertThatThrownBy(() -> StructuredChatCompletionCreateParams.<Order>builder()
                .model("gpt-4o-mini")
                .addUserMessage("One tea.")
                .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("`responseType` is required, but was not set");
    }

    record Untyped(String name, Map<String, String> tags) {}

    @Test
    void aClassThatCannotBeAStrictSchemaFailsWhenTheResponseFormatIsSet() {
        ChatCompletionCreateParams.Builder builder = ChatCompletionCreateParams.builder().model("gpt-4o-mini");

        assertThatThrownBy(() -> builder.responseFormat(Untyped.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Cannot derive a JSON schema from Untyped: field Untyped.tags:");
    }

    @Test
    void withoutLocalValidationAMapIsSentAsAnOpenObject() {
        server.enqueueJson(completion("{\"role\":\"assistant\",\"content\":\"{\\\"name\\\":\\\"a\\\",\\\"tags\\\":{\\\"x\\\":\\\"y\\\"}}\"}", "stop"));

        StructuredChatCompletion<Untyped> completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini")
                .addUserMessage("Tag it.")
                .responseFormat(Untyped.class, JsonSchemaLocalValidation.NO)
                .build());

        assertThat(server.takeRequest().getBody().readUtf8())
                .contains("\"tags\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}");
        assertThat(completion.choices().get(0).message().content()).contains(new Untyped("a", Map.of("x", "y")));
    }

    @Test
    void aStreamedStructuredAnswerIsAccumulatedAndReadIntoTheClass() {
        String head = "{\"id\":\"chatcmpl-9\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":";
        int half = ORDER_JSON.length() / 2;
        server.enqueueStream(
                head + "{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}",
                head + "{\"content\":" + quoted(ORDER_JSON.substring(0, half)) + "},\"finish_reason\":null}]}",
                head + "{\"content\":" + quoted(ORDER_JSON.substring(half)) + "},\"finish_reason\":null}]}",
                head + "{},\"finish_reason\":\"stop\"}]}");
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();

        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(orderRequest())) {
            stream.stream().forEach(accumulator::accumulate);
        }

        assertThat(server.takeRequest().getBody().readUtf8())
                .endsWith(",\"strict\":true},\"type\":\"json_schema\"},\"stream\":true}");
        StructuredChatCompletion<Order> completion = accumulator.chatCompletion(Order.class);
        assertThat(completion.choices().get(0).message().content()).contains(ORDER);
        assertThat(completion.choices().get(0).finishReason().asString()).isEqualTo("stop");
    }
}
