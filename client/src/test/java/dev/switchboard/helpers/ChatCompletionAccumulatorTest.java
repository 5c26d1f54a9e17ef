package dev.switchboard.helpers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.http.StreamResponse;
import dev.switchboard.core.internal.JsonValueAdapter;
import dev.switchboard.errors.OpenAIInvalidDataException;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import dev.switchboard.models.chat.completions.ChatCompletionStreamOptions;
import dev.switchboard.models.chat.completions.StructuredChatCompletion;
import dev.switchboard.testing.MockServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rebuilding a whole chat completion from the chunks of its stream. */
class ChatCompletionAccumulatorTest {
    private final ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();

    /** A chunk of completion chatcmpl-1 with the given choices, as OpenAI streams it. */
    private static String chunk(String choices) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"gpt-4o-mini\","
                + "\"service_tier\":\"default\",\"system_fingerprint\":\"fp_1\",\"choices\":[" + choices + "]}";
    }

    private static String delta(int index, String delta, String finishReason) {
        return "{\"index\":" + index + ",\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":"
                + (finishReason == null ? "null" : "\"" + finishReason + "\"") + "}";
    }

    private void accumulate(String... chunks) {
        for (String json : chunks) accumulator.accumulate(JsonValueAdapter.parse(json).convert(ChatCompletionChunk.class));
    }

    private static String json(ChatCompletion completion) {
        return JsonValueAdapter.toJsonString(JsonValue.from(completion));
    }

    private static String compact(String json) {
        return JsonValueAdapter.toJsonString(JsonValueAdapter.parse(json));
    }

    @Test
    void contentPiecesAndTheRoleMakeTheMessageOfTheCompletion() {
        accumulate(
                chunk(delta(0, "{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", null)),
                chunk(delta(0, "{\"content\":\"Hello\"}", null)),
                chunk(delta(0, "{\"content\":\" there\"}", null)),
                chunk(delta(0, "{}", "stop")));

        assertThat(json(accumulator.chatCompletion())).isEqualTo(compact("""
                {
                  "id": "chatcmpl-1",
                  "choices": [{
                    "finish_reason": "stop",
                    "index": 0,
                    "logprobs": null,
                    "message": {"content": "Hello there", "refusal": null, "role": "assistant"}
                  }],
                  "created": 1700000000,
                  "model": "gpt-4o-mini",
                  "object": "chat.completion",
                  "service_tier": "default",
                  "system_fingerprint": "fp_1"
                }
                """));
    }

    record GetTime(String zone) {}

    @Test
    void aRealStreamOfTwoChoicesWithAToolCallReasoningAndUsageRebuildsTheWholeCompletion() {
        String head = "{\"id\":\"chatcmpl-5\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"gpt-4o-mini\",\"choices\":[";
        try (MockServer server = new MockServer(); OpenAIClient client = server.client()) {
            server.enqueueStream(
                    head + delta(0, "{\"role\":\"assistant\",\"content\":\"\",\"reasoning_content\":\"Need the\"}", null)
                            + "," + delta(1, "{\"role\":\"assistant\",\"content\":\"\"}", null) + "]}",
                    head + delta(0, "{\"reasoning_content\":\" time.\"}", null) + "]}",
                    head + delta(0, "{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\","
                            + "\"function\":{\"name\":\"GetTime\",\"arguments\":\"\"}}]}", null) + "]}",
                    head + delta(1, "{\"content\":\"It is noon\"}", null) + "]}",
                    head + delta(0, "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"zone\\\":\"}}]}", null) + "]}",
                    head + delta(0, "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"UTC\\\"}\"}}]}", null) + "]}",
                    head + delta(1, "{\"content\":\" somewhere.\"}", "stop") + "]}",
                    head + delta(0, "{}", "tool_calls") + "]}",
                    head + "],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":15,\"total_tokens\":35}}");

            try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(
                    ChatCompletionCreateParams.builder()
                            .model("gpt-4o-mini")
                            .addUserMessage("What time is it?")
                            .addTool(GetTime.class)
                            .n(2)
                            .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                            .build())) {
                stream.stream().forEach(accumulator::accumulate);
            }
        }

        assertThat(json(accumulator.chatCompletion())).isEqualTo(compact("""
                {
                  "id": "chatcmpl-5",
                  "choices": [
                    {
                      "finish_reason": "tool_calls",
                      "index": 0,
                      "logprobs": null,
                      "message": {
                        "content": "",
                        "refusal": null,
                        "role": "assistant",
                        "tool_calls": [{
                          "id": "call_1",
                          "function": {"arguments": "{\\"zone\\":\\"UTC\\"}", "name": "GetTime"},
                          "type": "function"
                        }],
                        "reasoning_content": "Need the time."
                      }
                    },
                    {
                      "finish_reason": "stop",
                      "index": 1,
                      "logprobs": null,
                      "message": {"content": "It is noon somewhere.", "refusal": null, "role": "assistant"}
                    }
                  ],
                  "created": 1700000000,
                  "model": "gpt-4o-mini",
                  "object": "chat.completion",
                  "usage": {"prompt_tokens": 20, "completion_tokens": 15, "total_tokens": 35}
                }
                """));
    }

    @Test
    void toolCallsSplitAcrossChunksAreAssembledByIndex() {
        accumulate(
                chunk(delta(0, "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_a\","
                        + "\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]}", null)),
                chunk(delta(0, "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}", null)),
                chunk(delta(0, "{\"tool_calls\":[{\"index\":1,\"id\":\"call_b\",\"type\":\"function\","
                        + "\"function\":{\"name\":\"get_time\",\"arguments\":\"{\\\"zone\\\":\"}}]}", null)),
                chunk(delta(0, "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}]}", null)),
                chunk(delta(0, "{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"\\\"CET\\\"}\"}}]}", null)),
                chunk(delta(0, "{}", "tool_calls")));

        ChatCompletion completion = accumulator.chatCompletion();
        assertThat(json(completion)).contains("\"message\":{\"content\":null,\"refusal\":null,\"role\":\"assistant\","
                + "\"tool_calls\":[{\"id\":\"call_a\",\"function\":{\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\","
                + "\"name\":\"get_weather\"},\"type\":\"function\"},{\"id\":\"call_b\",\"function\":{\"arguments\":"
                + "\"{\\\"zone\\\":\\\"CET\\\"}\",\"name\":\"get_time\"},\"type\":\"function\"}]}");
        ChatCompletionMessageFunctionToolCall second = completion.choices().get(0).message().toolCalls().get().get(1).asFunction();
        assertThat(second.function().arguments(Zone.class)).isEqualTo(new Zone("CET"));
    }

    record Zone(String zone) {}

    @Test
    void aToolCallStreamedWithoutAnIdIsInvalidData() {
        accumulate(
                chunk(delta(0, "{\"tool_calls\":[{\"index\":0,\"function\":{\"name\":\"get_weather\",\"arguments\":\"{}\"}}]}", null)),
                chunk(delta(0, "{}", "tool_calls")));

        assertThatThrownBy(accumulator::chatCompletion)
                .isInstanceOf(OpenAIInvalidDataException.class)
                .hasMessage("Tool call 0 of choice 0 was streamed without an id");
    }

    @Test
    void theChoicesOfNTwoAreKeptApartAndInIndexOrder() {
        accumulate(
                chunk(delta(1, "{\"role\":\"assistant\",\"content\":\"Bonjour\"}", null) + ","
                        + delta(0, "{\"role\":\"assistant\",\"content\":\"Hello\"}", null)),
                chunk(delta(0, "{\"content\":\", world\"}", null)),
                chunk(delta(1, "{\"content\":\", le monde\"}", null)),
                chunk(delta(0, "{}", "stop")),
                chunk(delta(1, "{}", "length")));

        List<ChatCompletion.Choice> choices = accumulator.chatCompletion().choices();
        assertThat(choices).extracting(ChatCompletion.Choice::index).containsExactly(0L, 1L);
        assertThat(choices).extracting(c -> c.message().content().orElseThrow())
                .containsExactly("Hello, world", "Bonjour, le monde");
        assertThat(choices).extracting(c -> c.finishReason().asString()).containsExactly("stop", "length");
    }

    @Test
    void theUsageComesFromTheFinalUsageChunk() {
        accumulate(
                chunk(delta(0, "{\"role\":\"assistant\",\"content\":\"Hi\"}", null)),
                chunk(delta(0, "{}", "stop")),
                "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"gpt-4o-mini\","
                        + "\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":1,\"total_tokens\":10}}");

        assertThat(json(accumulator.chatCompletion()))
                .endsWith("\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":1,\"total_tokens\":10}}");
    }

    @Test
    void reasoningStreamedBesideTheAnswerIsJoinedIntoTheMessage() {
        accumulate(
                chunk(delta(0, "{\"role\":\"assistant\",\"reasoning_content\":\"The user \"}", null)),
                chunk(delta(0, "{\"reasoning_content\":\"greets me.\",\"content\":null}", null)),
                chunk(delta(0, "{\"reasoning_content\":null,\"content\":\"Hi!\"}", null)),
                chunk(delta(0, "{}", "stop")));

        assertThat(accumulator.chatCompletion().choices().get(0).message().reasoningContent())
                .contains("The user greets me.");
        assertThat(accumulator.chatCompletion().choices().get(0).message().content()).contains("Hi!");
    }

    @Test
    void reasoningUnderOllamasNameIsJoinedToo() {
        accumulate(
                chunk(delta(0, "{\"role\":\"assistant\",\"content\":\"\",\"reasoning\":\"Short \"}", null)),
                chunk(delta(0, "{\"content\":\"\",\"reasoning\":\"answer.\"}", null)),
                chunk(delta(0, "{\"content\":\"Yes.\"}", "stop")));

        assertThat(accumulator.chatCompletion().choices().get(0).message()._additionalProperties())
                .containsEntry("reasoning", JsonValue.from("Short answer."));
    }

    @Test
    void logprobsOfEveryChunkAreGatheredInOrder() {
        String logprob = "{\"token\":\"%s\",\"logprob\":%s,\"bytes\":null,\"top_logprobs\":[]}";
        accumulate(
                chunk("{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hi\"},\"logprobs\":{\"content\":["
                        + logprob.formatted("Hi", "-0.1") + "],\"refusal\":null},\"finish_reason\":null}"),
                chunk("{\"index\":0,\"delta\":{\"content\":\"!\"},\"logprobs\":{\"content\":["
                        + logprob.formatted("!", "-0.5") + "],\"refusal\":null},\"finish_reason\":\"stop\"}"));

        assertThat(json(accumulator.chatCompletion())).contains("\"logprobs\":{\"content\":["
                + compact(logprob.formatted("Hi", "-0.1")) + "," + compact(logprob.formatted("!", "-0.5"))
                + "],\"refusal\":[]}");
    }

    @Test
    void aRefusalIsJoinedFromItsPieces() {
        accumulate(
                chunk(delta(0, "{\"role\":\"assistant\",\"refusal\":\"I can't \"}", null)),
                chunk(delta(0, "{\"refusal\":\"help with that.\"}", null)),
                chunk(delta(0, "{}", "stop")));

        assertThat(accumulator.chatCompletion().choices().get(0).message().refusal()).contains("I can't help with that.");
        assertThat(accumulator.chatCompletion().choices().get(0).message().content()).isEmpty();
    }

    @Test
    void fieldsOnlyOneServerSendsAreKept() {
        accumulate(
                chunk(delta(0, "{\"role\":\"assistant\",\"content\":\"Hi\"}", null)),
                "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"llama\","
                        + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\",\"stop_reason\":null}],"
                        + "\"timings\":{\"predicted_ms\":12.5}}");

        ChatCompletion completion = accumulator.chatCompletion();
        assertThat(completion._additionalProperties()).containsKey("timings");
        assertThat(completion.choices().get(0)._additionalProperties()).containsKey("stop_reason");
    }

    @Test
    void theCompletionReadsAsAStructuredCompletion() {
        accumulate(
                chunk(delta(0, "{\"role\":\"assistant\",\"content\":\"{\\\"zone\\\":\"}", null)),
                chunk(delta(0, "{\"content\":\"\\\"UTC\\\"}\"}", "stop")));

        StructuredChatCompletion<Zone> completion = accumulator.chatCompletion(Zone.class);

        assertThat(completion.choices().get(0).message().content()).contains(new Zone("UTC"));
    }

    @Test
    void aChunkOfAnotherCompletionIsRefused() {
        accumulate(chunk(delta(0, "{\"role\":\"assistant\",\"content\":\"Hi\"}", "stop")));

        assertThatThrownBy(() -> accumulate(chunk(delta(0, "{\"content\":\"Hi\"}", "stop")).replace("chatcmpl-1", "chatcmpl-2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Chunk chatcmpl-2 belongs to another chat completion than chatcmpl-1;"
                        + " use one ChatCompletionAccumulator per stream");
    }

    @Test
    void askingBeforeAnyChunkIsAnError() {
        assertThatThrownBy(accumulator::chatCompletion)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("No chat completion yet: no chunk was accumulated; pass every chunk of the stream to"
                        + " accumulate(…) first");
    }

    @Test
    void askingBeforeTheFinishReasonIsAnError() {
        accumulate(chunk(delta(0, "{\"role\":\"assistant\",\"content\":\"Hel\"}", null)));

        assertThatThrownBy(accumulator::chatCompletion)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("No chat completion yet: choice 0 has no finish_reason; accumulate every chunk of the stream"
                        + " before calling chatCompletion()");
    }

    @Test
    void askingBeforeEveryChoiceFinishedNamesTheUnfinishedOnes() {
        accumulate(
                chunk(delta(0, "{\"content\":\"A\"}", "stop") + "," + delta(1, "{\"content\":\"B\"}", null) + ","
                        + delta(2, "{\"content\":\"C\"}", null)));

        assertThatThrownBy(accumulator::chatCompletion)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("No chat completion yet: choices [1, 2] have no finish_reason;");
    }
}
