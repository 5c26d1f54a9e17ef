package dev.switchboard.local.llama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.core.JsonArray;
import dev.switchboard.core.JsonNumber;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonString;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.http.StreamResponse;
import dev.switchboard.core.internal.JsonValueAdapter;
import dev.switchboard.errors.BadRequestException;
import dev.switchboard.models.ResponseFormatJsonSchema;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.models.chat.completions.ChatCompletionStreamOptions;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Chat through {@code client.chat().completions()}, the virtual model {@code local} routed to a tiny llama deployment. */
class LlamaChatTest {
    private static OpenAIClient client;

    @BeforeAll
    static void start() {
        client = LocalModels.client(LocalModels.deployment(LocalModels.chat()).build());
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    private static ChatCompletionCreateParams.Builder ask(String text, long maxTokens) {
        return ChatCompletionCreateParams.builder().model("local").addUserMessage(text).temperature(0.0).seed(7L)
                .maxCompletionTokens(maxTokens);
    }

    private static String text(ChatCompletion completion) {
        return completion.choices().get(0).message().content().orElse("");
    }

    @Test
    void aChatCompletionComesBackWithContentUsageAndTheModelAsked() {
        ChatCompletion completion = client.chat().completions().create(ask("Hello there", 8).build());

        assertThat(completion.choices()).hasSize(1);
        assertThat(text(completion)).isNotEmpty();
        assertThat(completion.model()).isEqualTo(LocalModels.chat().toString());
        assertThat(completion.usage().get().promptTokens()).isGreaterThan(3);
        assertThat(completion.usage().get().completionTokens()).isEqualTo(8);
    }

    @Test
    void theSameSeedAtTemperatureZeroGivesTheSameAnswer() {
        String first = text(client.chat().completions().create(ask("Tell me a story", 12).build()));
        String second = text(client.chat().completions().create(ask("Tell me a story", 12).build()));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void anAsyncCallAnswersAsTheBlockingOneDoes() throws Exception {
        String blocking = text(client.chat().completions().create(ask("Async please", 6).build()));
        String async = text(client.async().chat().completions().create(ask("Async please", 6).build()).get());

        assertThat(async).isEqualTo(blocking);
    }

    @Test
    void aStreamSendsTheRoleFirstThenContentThenTheFinishReasonThenUsage() {
        ChatCompletionCreateParams params = ask("Stream it", 10)
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
        String whole = text(client.chat().completions().create(params));
        List<ChatCompletionChunk> chunks;
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            chunks = stream.stream().collect(Collectors.toList());
        }

        assertThat(chunks.get(0).choices().get(0).delta().role()).isPresent();
        ChatCompletionChunk last = chunks.get(chunks.size() - 1);
        assertThat(last.choices()).isEmpty();
        assertThat(last.usage().get().completionTokens()).isEqualTo(10);
        ChatCompletionChunk finish = chunks.get(chunks.size() - 2);
        assertThat(finish.choices().get(0).finishReason().get().asString()).isEqualTo("length");
        String streamed = chunks.stream().flatMap(c -> c.choices().stream())
                .map(c -> c.delta().content().orElse("")).collect(Collectors.joining());
        assertThat(streamed).isEqualTo(whole);
    }

    @Test
    void maxTokensEndsTheAnswerWithFinishReasonLength() {
        ChatCompletion completion = client.chat().completions().create(ask("Go on", 5).build());

        assertThat(completion.choices().get(0).finishReason().asString()).isEqualTo("length");
        assertThat(completion.usage().get().completionTokens()).isEqualTo(5);
    }

    @Test
    void aStopSequenceEndsTheAnswerBeforeIt() {
        String free = text(client.chat().completions().create(ask("Stop test", 24).build()));
        String stop = free.substring(free.length() / 2, free.length() / 2 + 2);
        ChatCompletion stopped = client.chat().completions().create(ask("Stop test", 24).stop(stop).build());

        assertThat(text(stopped)).isEqualTo(free.substring(0, free.indexOf(stop)));
        assertThat(stopped.choices().get(0).finishReason().asString()).isEqualTo("stop");
    }

    @Test
    void closingAStreamStopsGenerationAndFreesTheSlot() {
        // One slot and no queue: a call that finds the slot still held fails at once with a 429.
        try (OpenAIClient single = LocalModels.client(LocalModels.deployment(LocalModels.chat())
                .name("single").putOption("parallel", 1).putOption("queue", 0).build())) {
            try (StreamResponse<ChatCompletionChunk> stream = single.chat().completions().createStreaming(ask("Long", 400).build())) {
                Iterator<ChatCompletionChunk> chunks = stream.stream().iterator();
                chunks.next();
                chunks.next();
            }
            ChatCompletion next = single.chat().completions().create(ask("Next", 3).build());
            assertThat(next.choices().get(0).finishReason().asString()).isEqualTo("length");
        }
    }

    @Test
    void jsonSchemaOutputParsesAndMatchesItsSchemaEvenWithRandomWeights() {
        String schema = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\",\"pattern\":\"^[a-z]{1,6}$\"},"
                + "\"age\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":99},\"pet\":{\"enum\":[\"cat\",\"dog\"]}},"
                + "\"required\":[\"name\",\"age\",\"pet\"],\"additionalProperties\":false}";
        ChatCompletionCreateParams params = ask("Describe a person", 120)
                .responseFormat(ResponseFormatJsonSchema.builder().jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
                        .name("person").schema(JsonValueAdapter.parse(schema).convert(ResponseFormatJsonSchema.JsonSchema.Schema.class)).build()).build())
                .build();

        ChatCompletion completion = client.chat().completions().create(params);

        assertThat(completion.choices().get(0).finishReason().asString()).isEqualTo("stop");
        Map<String, JsonValue> person = ((JsonObject) JsonValueAdapter.parse(text(completion))).values();
        assertThat(person.keySet()).containsExactlyInAnyOrder("name", "age", "pet");
        assertThat(((JsonString) person.get("name")).value()).matches("[a-z]{1,6}");
        assertThat(((JsonNumber) person.get("age")).value().longValue()).isBetween(0L, 99L);
        assertThat(person.get("pet")).isIn(JsonString.of("cat"), JsonString.of("dog"));
    }

    @Test
    void anInvalidSchemaIsABadRequestNamingTheProblem() {
        ChatCompletionCreateParams params = ask("x", 5)
                .responseFormat(ResponseFormatJsonSchema.builder().jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
                        .name("bad").schema(JsonValueAdapter.parse("{\"type\":\"object\",\"properties\":{\"a\":"
                                + "{\"$ref\":\"#/$defs/nope\"}}}").convert(ResponseFormatJsonSchema.JsonSchema.Schema.class))
                        .build()).build())
                .build();

        assertThatThrownBy(() -> client.chat().completions().create(params))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("400: response_format.json_schema.schema at /properties/a/$ref: '#/$defs/nope' leads nowhere:"
                        + " no '$defs' there");
    }

    @Test
    void aRequiredToolCallComesBackAsAnOfficialToolCall() {
        JsonValue tools = JsonValueAdapter.parse("[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"enum\":[\"Oslo\",\"Lima\"]}},"
                + "\"required\":[\"city\"],\"additionalProperties\":false}}}]");
        ChatCompletionCreateParams params = ask("Weather?", 80)
                .putAdditionalBodyProperty("tools", tools)
                .putAdditionalBodyProperty("tool_choice", JsonString.of("required"))
                .build();

        ChatCompletion completion = client.chat().completions().create(params);

        assertThat(completion.choices().get(0).finishReason().asString()).isEqualTo("tool_calls");
        JsonObject message = (JsonObject) JsonValue.from(completion.choices().get(0).message());
        JsonObject call = (JsonObject) ((JsonArray) message.values().get("tool_calls")).values().get(0);
        JsonObject function = (JsonObject) call.values().get("function");
        assertThat(function.values().get("name")).isEqualTo(JsonString.of("get_weather"));
        JsonObject arguments = (JsonObject) JsonValueAdapter.parse(((JsonString) function.values().get("arguments")).value());
        assertThat(arguments.values().get("city")).isIn(JsonString.of("Oslo"), JsonString.of("Lima"));
        assertThat(((JsonString) call.values().get("id")).value()).startsWith("call_");
    }

    @Test
    void logprobsAreRefusedBeforeTheyCouldReachLlamaCpp() {
        assertThatThrownBy(() -> client.chat().completions().create(ask("x", 3).logprobs(true).build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("logprobs are not available from a llama deployment");
    }

    @Test
    void aLogitBiasForATokenOutsideTheVocabularyIsRefused() {
        ChatCompletionCreateParams params = ask("x", 3).logitBias(ChatCompletionCreateParams.LogitBias.builder()
                .putAdditionalProperty("999999", JsonNumber.of(5)).build()).build();

        assertThatThrownBy(() -> client.chat().completions().create(params))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("400: logit_bias names token 999999, but this model's vocabulary has ids 0 to ");
    }
}
