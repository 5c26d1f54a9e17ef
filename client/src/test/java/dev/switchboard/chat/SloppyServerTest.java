package dev.switchboard.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.core.http.StreamResponse;
import dev.switchboard.errors.SseException;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.models.chat.completions.ChatCompletionMessage;
import dev.switchboard.testing.MockServer;
import dev.switchboard.testing.StrayErrors;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What real OpenAI-compatible servers send, as they send it: fields left out, fields added, and
 * server-sent events written in every way the format allows. Each is read into the official shapes.
 */
class SloppyServerTest {
    private static final ChatCompletionCreateParams PARAMS =
            ChatCompletionCreateParams.builder().model("qwen2.5:0.5b").addUserMessage("Hi").build();

    @RegisterExtension
    final StrayErrors strayErrors = new StrayErrors();

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

    private List<ChatCompletionChunk> stream(String sseBody) {
        server.enqueueSse(sseBody);
        try (StreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(PARAMS)) {
            return response.stream().collect(Collectors.toList());
        }
    }

    private static String text(List<ChatCompletionChunk> chunks) {
        return chunks.stream()
                .flatMap(c -> c.choices().stream())
                .map(c -> c.delta().content().orElse(""))
                .collect(Collectors.joining());
    }

    // Whole answers

    @Test
    void aLlamaCppAnswerWithoutRefusalOrLogprobsAndWithTimingsIsRead() {
        ChatCompletion completion = answer("""
                {"choices":[{"finish_reason":"stop","index":0,"message":{"role":"assistant","content":"Hello"}}],
                 "created":1700000000,"model":"gpt-3.5-turbo","system_fingerprint":"b4916-7dfad387","object":"chat.completion",
                 "usage":{"completion_tokens":5,"prompt_tokens":10,"total_tokens":15},"id":"chatcmpl-abc",
                 "timings":{"prompt_n":10,"prompt_ms":12.5,"predicted_n":5,"predicted_ms":40.1}}""");

        ChatCompletion.Choice choice = completion.choices().get(0);
        assertThat(choice.message().content()).contains("Hello");
        assertThat(choice.message().refusal()).isEmpty();
        assertThat(choice.logprobs()).isEmpty();
        assertThat(completion.usage().orElseThrow().totalTokens()).isEqualTo(15);
        assertThat(completion._additionalProperties()).containsOnlyKeys("timings");
    }

    @Test
    void missingIdentityFieldsAreFilledIn() {
        long before = System.currentTimeMillis() / 1000;
        ChatCompletion completion = answer("""
                {"choices":[{"message":{"content":"first"},"finish_reason":"stop"},
                            {"message":{"content":"second"},"finish_reason":"stop"}]}""");

        assertThat(completion.id()).startsWith("chatcmpl-");
        assertThat(completion.created()).isBetween(before, System.currentTimeMillis() / 1000);
        assertThat(completion.model()).isEqualTo("qwen2.5:0.5b");
        assertThat(completion._object_()).isEqualTo(JsonValue.from("chat.completion"));
        assertThat(completion.choices()).extracting(ChatCompletion.Choice::index).containsExactly(0L, 1L);
        assertThat(completion.choices().get(1).message()._role()).isEqualTo(JsonValue.from("assistant"));
    }

    @Test
    void whatAServerDidSendIsKeptAsItIs() {
        ChatCompletion completion = answer("""
                {"id":"custom-7","object":"chat.completion","created":42,"model":"served-name",
                 "choices":[{"index":3,"finish_reason":"length","message":{"role":"assistant","content":"x"}}]}""");

        assertThat(completion.id()).isEqualTo("custom-7");
        assertThat(completion.created()).isEqualTo(42);
        assertThat(completion.model()).isEqualTo("served-name");
        assertThat(completion.choices().get(0).index()).isEqualTo(3);
    }

    @Test
    void reasoningContentIsGivenBesideTheAnswer() {
        ChatCompletionMessage message = answer("""
                {"id":"c","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"finish_reason":"stop",
                 "message":{"role":"assistant","content":"4","reasoning_content":"2 + 2 is 4."}}]}""")
                .choices().get(0).message();

        assertThat(message.content()).contains("4");
        assertThat(message.reasoningContent()).contains("2 + 2 is 4.");
        assertThat(message._additionalProperties()).containsEntry("reasoning_content", JsonValue.from("2 + 2 is 4."));
    }

    @Test
    void ollamasReasoningFieldIsReasoningContentToo() {
        ChatCompletionMessage message = answer("""
                {"id":"c","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"finish_reason":"stop",
                 "message":{"role":"assistant","content":"4","reasoning":"Adding two and two."}}]}""")
                .choices().get(0).message();

        assertThat(message.reasoningContent()).contains("Adding two and two.");
    }

    @Test
    void aMessageWithoutReasoningHasNone() {
        ChatCompletionMessage message = answer("""
                {"id":"c","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"finish_reason":"stop",
                 "message":{"role":"assistant","content":"4","reasoning_content":null}}]}""")
                .choices().get(0).message();

        assertThat(message.reasoningContent()).isEmpty();
    }

    @Test
    void usageWithNullDetailsAndExtraCountsIsRead() {
        ChatCompletion completion = answer("""
                {"id":"c","object":"chat.completion","created":1,"model":"m",
                 "choices":[{"index":0,"finish_reason":"stop","stop_reason":null,"message":{"role":"assistant","content":"x",
                  "tool_calls":[]}}],
                 "usage":{"prompt_tokens":3,"total_tokens":4,"completion_tokens":1,"prompt_tokens_details":null}}""");

        assertThat(completion.usage().orElseThrow().promptTokensDetails()).isEmpty();
        assertThat(completion.choices().get(0).message().toolCalls()).contains(List.of());
    }

    @Test
    void aJsonAnswerLabelledAsTextIsReadAsJson() {
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/plain; charset=utf-8").setBody("""
                {"id":"c","object":"chat.completion","created":1,"model":"m",
                 "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"plain"}}]}"""));

        assertThat(client.chat().completions().create(PARAMS).choices().get(0).message().content()).contains("plain");
    }

    @Test
    void aRepairedAnswerPassesResponseValidation() {
        server.enqueueJson("""
                {"choices":[{"finish_reason":"stop","message":{"content":"Hello"}}],"timings":{"prompt_n":10}}""");

        ChatCompletion completion = client.chat().completions().create(PARAMS,
                RequestOptions.builder().responseValidation(true).build());

        assertThat(completion.isValid()).isTrue();
        assertThat(completion.choices().get(0).message().content()).contains("Hello");
    }

    // Streams

    @Test
    void repairedChunksPassResponseValidation() {
        server.enqueueSse("""
                data: {"choices":[{"delta":{"content":"a"}}]}

                data: {"choices":[{"delta":{"reasoning":"r"}}]}

                data: {"choices":[{"finish_reason":"stop"}]}

                data: {"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}

                data: [DONE]

                """);

        try (StreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(PARAMS,
                RequestOptions.builder().responseValidation(true).build())) {
            assertThat(response.stream().collect(Collectors.toList())).hasSize(4).allMatch(ChatCompletionChunk::isValid);
        }
    }

    @Test
    void ollamaChunksWithoutFinishReasonAreRead() {
        List<ChatCompletionChunk> chunks = stream("""
                data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1,"model":"qwen2.5:0.5b","system_fingerprint":"fp_ollama","choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"}}]}

                data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1,"model":"qwen2.5:0.5b","system_fingerprint":"fp_ollama","choices":[{"index":0,"delta":{"role":"assistant","content":"lo"}}]}

                data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1,"model":"qwen2.5:0.5b","system_fingerprint":"fp_ollama","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":"stop"}]}

                data: [DONE]

                """);

        assertThat(text(chunks)).isEqualTo("Hello");
        assertThat(chunks.get(0).choices().get(0).finishReason()).isEmpty();
        assertThat(chunks.get(2).choices().get(0).finishReason()).contains(ChatCompletionChunk.Choice.FinishReason.STOP);
    }

    @Test
    void chunksWithoutIdentityFieldsShareOneFilledInIdentity() {
        List<ChatCompletionChunk> chunks = stream("""
                data: {"choices":[{"delta":{"content":"a"}}]}

                data: {"choices":[{"delta":{"content":"b"}}]}

                data: {"choices":[{"delta":{},"finish_reason":"stop"}]}

                data: [DONE]

                """);

        assertThat(chunks).extracting(ChatCompletionChunk::id).containsOnly(chunks.get(0).id());
        assertThat(chunks.get(0).id()).startsWith("chatcmpl-");
        assertThat(chunks).extracting(ChatCompletionChunk::created).containsOnly(chunks.get(0).created());
        assertThat(chunks).extracting(ChatCompletionChunk::model).containsOnly("qwen2.5:0.5b");
        assertThat(chunks).extracting(c -> c.choices().get(0).index()).containsOnly(0L);
        assertThat(chunks.get(0)._object_()).isEqualTo(JsonValue.from("chat.completion.chunk"));
    }

    @Test
    void aFinalChunkWithoutDeltaIsRead() {
        List<ChatCompletionChunk> chunks = stream("""
                data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"a"}}]}

                data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"finish_reason":"length"}]}

                data: [DONE]

                """);

        assertThat(chunks.get(1).choices().get(0).delta().content()).isEmpty();
        assertThat(chunks.get(1).choices().get(0).finishReason()).contains(ChatCompletionChunk.Choice.FinishReason.LENGTH);
    }

    @Test
    void reasoningArrivesInDeltasAsReasoningContentOrReasoning() {
        List<ChatCompletionChunk> chunks = stream("""
                data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"reasoning_content":"Think"}}]}

                data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"reasoning":"ing."}}]}

                data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"4"},"finish_reason":"stop"}]}

                data: [DONE]

                """);

        String reasoning = chunks.stream()
                .map(c -> c.choices().get(0).delta().reasoningContent().orElse(""))
                .collect(Collectors.joining());
        assertThat(reasoning).isEqualTo("Thinking.");
        assertThat(text(chunks)).isEqualTo("4");
    }

    @Test
    void aUsageOnlyChunkWithoutChoicesIsRead() {
        List<ChatCompletionChunk> chunks = stream("""
                data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"a"},"finish_reason":"stop"}]}

                data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}

                data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":null,"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}

                data: [DONE]

                """);

        assertThat(chunks.get(1).choices()).isEmpty();
        assertThat(chunks.get(1).usage().orElseThrow().totalTokens()).isEqualTo(2);
        assertThat(chunks.get(2).choices()).isEmpty();
    }

    @Test
    void unknownFieldsInChunksAreKept() {
        List<ChatCompletionChunk> chunks = stream("""
                data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"a"},"finish_reason":"stop","stop_reason":null}],"timings":{"predicted_n":1}}

                data: [DONE]

                """);

        assertThat(chunks.get(0)._additionalProperties()).containsOnlyKeys("timings");
        assertThat(chunks.get(0).choices().get(0)._additionalProperties())
                .containsExactly(Map.entry("stop_reason", JsonValue.from(null)));
    }

    @Test
    void commentPingsAreSkipped() {
        List<ChatCompletionChunk> chunks = stream("""
                : ping - 2025-01-01 00:00:00

                data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"a"}}]}

                :

                : keep-alive
                data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"b"},"finish_reason":"stop"}]}

                data: [DONE]

                """);

        assertThat(text(chunks)).isEqualTo("ab");
    }

    @Test
    void eventLinesIdLinesAndRetryLinesAreAccepted() {
        List<ChatCompletionChunk> chunks = stream("""
                event: message
                id: 1
                retry: 3000
                data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"a"}}]}

                event: completion
                id: 2
                data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"b"},"finish_reason":"stop"}]}

                event: done
                data: [DONE]

                """);

        assertThat(text(chunks)).isEqualTo("ab");
    }

    @Test
    void dataSplitOverSeveralLinesIsOneEvent() {
        List<ChatCompletionChunk> chunks = stream("""
                data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m",
                data:  "choices":[{"index":0,
                data:   "delta":{"content":"multi"},"finish_reason":"stop"}]}

                data: [DONE]

                """);

        assertThat(text(chunks)).isEqualTo("multi");
    }

    @Test
    void crlfLineEndingsAndDataWithoutASpaceAreRead() {
        List<ChatCompletionChunk> chunks = stream(
                "data:{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                        + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\r\n\r\n"
                        + "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                        + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"b\"},\"finish_reason\":\"stop\"}]}\r\n\r\n"
                        + "data: [DONE]\r\n\r\n");

        assertThat(text(chunks)).isEqualTo("ab");
    }

    @Test
    void emptyDataEventsAreSkipped() {
        List<ChatCompletionChunk> chunks = stream("""
                data:

                data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"a"},"finish_reason":"stop"}]}

                data:\s

                data: [DONE]

                """);

        assertThat(text(chunks)).isEqualTo("a");
    }

    @Test
    void whatFollowsDoneIsIgnored() {
        List<ChatCompletionChunk> chunks = stream("""
                data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"a"},"finish_reason":"stop"}]}

                data: [DONE]

                data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"late"}}]}

                """);

        assertThat(text(chunks)).isEqualTo("a");
    }

    @Test
    void aTgiStreamWithAnEmptyIdAndNullUsageIsRead() {
        List<ChatCompletionChunk> chunks = stream("""
                data: {"object":"chat.completion.chunk","id":"","created":1732000000,"model":"tgi","system_fingerprint":"3.0.1-native","choices":[{"index":0,"delta":{"role":"assistant","content":"Hi"},"logprobs":null,"finish_reason":null}],"usage":null}

                data: {"object":"chat.completion.chunk","id":"","created":1732000000,"model":"tgi","system_fingerprint":"3.0.1-native","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":"stop"}],"usage":null}

                data: [DONE]

                """);

        assertThat(text(chunks)).isEqualTo("Hi");
        assertThat(chunks.get(0).id()).isEmpty();
        assertThat(chunks.get(0).usage()).isEmpty();
    }

    @Test
    void aStreamServedAsPlainJsonTextIsStillReadAsEvents() {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("""
                data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"a"},"finish_reason":"stop"}]}

                data: [DONE]

                """));

        try (StreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(PARAMS)) {
            assertThat(text(response.stream().collect(Collectors.toList()))).isEqualTo("a");
        }
    }

    // Servers that ignore "stream": true

    @Test
    void aWholeJsonAnswerToAStreamingRequestIsStreamedAsOneCompleteChunk() {
        server.enqueueJson("""
                {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"tgi",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Hello there",
                   "tool_calls":[{"id":"call_1","type":"function","function":{"name":"f","arguments":"{}"}}]},
                   "finish_reason":"stop"}],
                 "usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}""");

        List<ChatCompletionChunk> chunks;
        try (StreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(PARAMS)) {
            chunks = response.stream().collect(Collectors.toList());
        }

        assertThat(chunks).hasSize(1);
        ChatCompletionChunk.Choice choice = chunks.get(0).choices().get(0);
        assertThat(text(chunks)).isEqualTo("Hello there");
        assertThat(choice.finishReason()).contains(ChatCompletionChunk.Choice.FinishReason.STOP);
        assertThat(choice.delta().toolCalls().orElseThrow().get(0).index()).isZero();
        assertThat(choice.delta().toolCalls().orElseThrow().get(0).function().orElseThrow().name()).contains("f");
        assertThat(chunks.get(0).usage().orElseThrow().totalTokens()).isEqualTo(5);
        assertThat(chunks.get(0).id()).isEqualTo("chatcmpl-1");
    }

    @Test
    void aJsonErrorAnsweringAStreamingRequestIsAnSseException() {
        for (int attempt = 0; attempt < 3; attempt++) {
            server.enqueueJson("{\"error\":{\"message\":\"model is loading\",\"type\":\"server_error\"}}");
        }

        assertThatThrownBy(() -> {
            try (StreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(PARAMS)) {
                response.stream().count();
            }
        }).isInstanceOf(SseException.class).hasMessage("200: model is loading");
    }
}
