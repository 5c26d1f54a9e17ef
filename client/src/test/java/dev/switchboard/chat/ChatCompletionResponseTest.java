package dev.switchboard.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.core.internal.JsonValueAdapter;
import dev.switchboard.errors.OpenAIInvalidDataException;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.models.chat.completions.ChatCompletionMessage;
import dev.switchboard.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import dev.switchboard.models.chat.completions.ChatCompletionTokenLogprob;
import dev.switchboard.models.completions.CompletionUsage;
import dev.switchboard.testing.MockServer;
import dev.switchboard.testing.ServerPayloads;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a caller reads from a whole (not streamed) chat completion. */
class ChatCompletionResponseTest {
    private static final ChatCompletionCreateParams PARAMS =
            ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("Hi").build();

    private final MockServer server = new MockServer();
    private final OpenAIClient client = server.client();

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
    }

    private ChatCompletion answer(String json) {
        server.enqueueJson(json);
        return client.chat().completions().create(PARAMS);
    }

    @Test
    void aCompletionGivesItsIdModelCreationTimeAndChoices() {
        ChatCompletion completion = answer(ServerPayloads.completion("Hello!"));

        assertThat(completion.id()).isEqualTo("chatcmpl-1");
        assertThat(completion.model()).isEqualTo("gpt-4o-mini");
        assertThat(completion.created()).isEqualTo(1700000000L);
        assertThat(completion._object_()).isEqualTo(JsonValue.from("chat.completion"));
        assertThat(completion.choices()).hasSize(1);
        assertThat(completion.choices().get(0).index()).isZero();
        assertThat(completion.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
    }

    @Test
    void theMessageGivesItsContentAndNoRefusal() {
        ChatCompletionMessage message = answer(ServerPayloads.completion("Hello!")).choices().get(0).message();

        assertThat(message.content()).contains("Hello!");
        assertThat(message.refusal()).isEmpty();
        assertThat(message.toolCalls()).isEmpty();
        assertThat(message._role()).isEqualTo(JsonValue.from("assistant"));
    }

    @Test
    void aRefusalIsGivenWithoutContent() {
        ChatCompletionMessage message = answer("""
                {"id":"c","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"finish_reason":"stop",
                 "message":{"role":"assistant","content":null,"refusal":"I can't help with that."}}]}""")
                .choices().get(0).message();

        assertThat(message.content()).isEmpty();
        assertThat(message.refusal()).contains("I can't help with that.");
    }

    /** Public: Moshi reads records through their public accessors. */
    public record City(String city, int days) {}

    @Test
    void toolCallsAreFunctionCallsWithTheirIdNameAndArguments() {
        ChatCompletion completion = answer("""
                {"id":"c","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,
                 "finish_reason":"tool_calls","message":{"role":"assistant","content":null,"tool_calls":[
                  {"id":"call_1","type":"function","function":{"name":"forecast","arguments":"{\\"city\\":\\"Paris\\",\\"days\\":3}"}},
                  {"id":"call_2","type":"function","function":{"name":"forecast","arguments":"{\\"city\\":\\"Rome\\",\\"days\\":1}"}}]}}]}""");

        ChatCompletion.Choice choice = completion.choices().get(0);
        ChatCompletionMessageFunctionToolCall first = choice.message().toolCalls().orElseThrow().get(0).asFunction();
        assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        assertThat(choice.message().toolCalls().orElseThrow()).hasSize(2);
        assertThat(first.id()).isEqualTo("call_1");
        assertThat(first.function().name()).isEqualTo("forecast");
        assertThat(first.function().arguments()).isEqualTo("{\"city\":\"Paris\",\"days\":3}");
        assertThat(first.function().arguments(City.class)).isEqualTo(new City("Paris", 3));
    }

    @Test
    void argumentsThatAreNotJsonFailWithAClearError() {
        ChatCompletionMessageFunctionToolCall call = answer("""
                {"id":"c","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,
                 "finish_reason":"tool_calls","message":{"role":"assistant","tool_calls":[
                  {"id":"call_1","type":"function","function":{"name":"forecast","arguments":"{city: Paris"}}]}}]}""")
                .choices().get(0).message().toolCalls().orElseThrow().get(0).asFunction();

        assertThatThrownBy(() -> call.function().arguments(City.class))
                .isInstanceOf(OpenAIInvalidDataException.class)
                .hasMessageStartingWith("Malformed JSON");
    }

    @Test
    void usageGivesTokenCountsAndTheirDetails() {
        CompletionUsage usage = answer("""
                {"id":"c","object":"chat.completion","created":1,"model":"m",
                 "choices":[{"index":0,"finish_reason":"length","message":{"role":"assistant","content":"x"}}],
                 "usage":{"prompt_tokens":20,"completion_tokens":30,"total_tokens":50,
                  "prompt_tokens_details":{"cached_tokens":16,"audio_tokens":0},
                  "completion_tokens_details":{"reasoning_tokens":12,"audio_tokens":0,
                   "accepted_prediction_tokens":0,"rejected_prediction_tokens":0}}}""")
                .usage().orElseThrow();

        assertThat(usage.promptTokens()).isEqualTo(20);
        assertThat(usage.completionTokens()).isEqualTo(30);
        assertThat(usage.totalTokens()).isEqualTo(50);
        assertThat(usage.promptTokensDetails().orElseThrow().cachedTokens()).contains(16L);
        assertThat(usage.completionTokensDetails().orElseThrow().reasoningTokens()).contains(12L);
    }

    @Test
    void logprobsGiveEachTokenWithItsAlternatives() {
        ChatCompletion.Choice choice = answer("""
                {"id":"c","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"finish_reason":"stop",
                 "message":{"role":"assistant","content":"Hi"},
                 "logprobs":{"content":[{"token":"Hi","logprob":-0.25,"bytes":[72,105],
                  "top_logprobs":[{"token":"Hi","logprob":-0.25,"bytes":[72,105]},{"token":"Hey","logprob":-1.5,"bytes":null}]}],
                  "refusal":null}}]}""")
                .choices().get(0);

        ChatCompletionTokenLogprob token = choice.logprobs().orElseThrow().content().orElseThrow().get(0);
        assertThat(token.token()).isEqualTo("Hi");
        assertThat(token.logprob()).isEqualTo(-0.25);
        assertThat(token.bytes()).contains(List.of(72L, 105L));
        assertThat(token.topLogprobs()).extracting(ChatCompletionTokenLogprob.TopLogprob::token).containsExactly("Hi", "Hey");
        assertThat(choice.logprobs().orElseThrow().refusal()).isEmpty();
    }

    @Test
    void serviceTierAndSystemFingerprintAreGiven() {
        ChatCompletion completion = answer("""
                {"id":"c","object":"chat.completion","created":1,"model":"m","service_tier":"default",
                 "system_fingerprint":"fp_44709d6fcb",
                 "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"x"}}]}""");

        assertThat(completion.serviceTier()).contains(ChatCompletion.ServiceTier.DEFAULT);
        assertThat(completion.systemFingerprint()).contains("fp_44709d6fcb");
    }

    @Test
    void aFinishReasonThisVersionDoesNotKnowIsUnknownRatherThanAnError() {
        ChatCompletion.Choice choice = answer("""
                {"id":"c","object":"chat.completion","created":1,"model":"m",
                 "choices":[{"index":0,"finish_reason":"eos","message":{"role":"assistant","content":"x"}}]}""")
                .choices().get(0);

        assertThat(choice.finishReason().asString()).isEqualTo("eos");
        assertThat(choice.finishReason().value()).isEqualTo(ChatCompletion.Choice.FinishReason.Value._UNKNOWN);
        assertThatThrownBy(() -> choice.finishReason().known()).isInstanceOf(OpenAIInvalidDataException.class);
    }

    @Test
    void fieldsBeyondTheOfficialSchemaAreKeptAsAdditionalProperties() {
        ChatCompletion completion = answer("""
                {"id":"c","object":"chat.completion","created":1,"model":"m","prompt_logprobs":null,
                 "kv_transfer_params":{"a":1},
                 "choices":[{"index":0,"finish_reason":"stop","stop_reason":128001,
                  "message":{"role":"assistant","content":"x","annotations":[]}}]}""");

        assertThat(completion._additionalProperties())
                .containsExactly(Map.entry("prompt_logprobs", JsonValue.from(null)),
                        Map.entry("kv_transfer_params", JsonValue.from(Map.of("a", 1))));
        assertThat(completion.choices().get(0)._additionalProperties())
                .containsExactly(Map.entry("stop_reason", JsonValue.from(128001)));
        assertThat(completion.choices().get(0).message()._additionalProperties())
                .containsExactly(Map.entry("annotations", JsonValue.from(List.of())));
    }

    @Test
    void aCompletionTurnsBackIntoTheJsonItWasReadFrom() {
        String json = ServerPayloads.completion("Hello!");

        assertThat(JsonValue.from(answer(json))).isEqualTo(JsonValueAdapter.parse(json));
    }

    @Test
    void aFieldOfTheWrongTypeFailsOnlyWhenReadNamingTheField() {
        ChatCompletion completion = answer("""
                {"id":"c","object":"chat.completion","created":"yesterday","model":"m",
                 "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"x"}}]}""");

        assertThat(completion.choices().get(0).message().content()).contains("x");
        assertThatThrownBy(completion::created)
                .isInstanceOf(OpenAIInvalidDataException.class)
                .hasMessage("`created` is invalid, received \"yesterday\"");
    }

    @Test
    void withResponseValidationAnAnswerThatDoesNotFitTheSchemaIsRefused() {
        server.enqueueJson("""
                {"id":"c","object":"chat.completion","created":"yesterday","model":"m",
                 "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"x"}}]}""");

        assertThatThrownBy(() -> client.chat().completions().create(PARAMS,
                        RequestOptions.builder().responseValidation(true).build()))
                .isInstanceOf(OpenAIInvalidDataException.class)
                .hasMessage("`created` is invalid, received \"yesterday\"");
    }

    @Test
    void responseValidationCanBeTurnedOnForTheWholeClient() {
        try (OpenAIClient validating = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey("k")
                .responseValidation(true).maxRetries(0).build()) {
            server.enqueueJson("""
                    {"id":"c","object":"chat.completion","created":1,"model":"m",
                     "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":42}}]}""");

            assertThatThrownBy(() -> validating.chat().completions().create(PARAMS))
                    .isInstanceOf(OpenAIInvalidDataException.class)
                    .hasMessage("`content` is invalid, received 42");
        }
    }

    @Test
    void anAnswerWithoutChoicesFailsWhenTheChoicesAreRead() {
        ChatCompletion completion = answer("{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\"}");

        assertThatThrownBy(completion::choices)
                .isInstanceOf(OpenAIInvalidDataException.class)
                .hasMessage("`choices` is not present");
    }
}
