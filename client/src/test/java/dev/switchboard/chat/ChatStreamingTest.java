package dev.switchboard.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.core.http.StreamResponse;
import dev.switchboard.errors.OpenAIInvalidDataException;
import dev.switchboard.errors.OpenAIIoException;
import dev.switchboard.errors.SseException;
import dev.switchboard.errors.UnauthorizedException;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.models.chat.completions.ChatCompletionStreamOptions;
import dev.switchboard.testing.ConnectionCuts;
import dev.switchboard.testing.MockServer;
import dev.switchboard.testing.ServerPayloads;
import dev.switchboard.testing.StrayErrors;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code createStreaming}: chunks as they come, whole answers only, and cancellation on close. */
class ChatStreamingTest {
    private static final ChatCompletionCreateParams PARAMS =
            ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("Hi").build();

    @RegisterExtension
    final StrayErrors strayErrors = new StrayErrors();

    private final MockServer server = new MockServer();
    private final OpenAIClient client = server.client();

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
    }

    private List<ChatCompletionChunk> readAll(ChatCompletionCreateParams params) {
        try (StreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(params)) {
            return response.stream().collect(Collectors.toList());
        }
    }

    private static String text(List<ChatCompletionChunk> chunks) {
        StringBuilder out = new StringBuilder();
        for (ChatCompletionChunk chunk : chunks) {
            for (ChatCompletionChunk.Choice choice : chunk.choices()) choice.delta().content().ifPresent(out::append);
        }
        return out.toString();
    }

    @Test
    void chunksArriveInOrderAndTheStreamEndsAtDone() {
        server.enqueueStream(ServerPayloads.chunk("Hel"), ServerPayloads.chunk("lo"), ServerPayloads.chunk("!"),
                ServerPayloads.lastChunk("stop"));

        List<ChatCompletionChunk> chunks = readAll(PARAMS);

        assertThat(chunks).hasSize(4);
        assertThat(text(chunks)).isEqualTo("Hello!");
        assertThat(chunks.get(3).choices().get(0).finishReason()).contains(ChatCompletionChunk.Choice.FinishReason.STOP);
        assertThat(chunks.get(0).choices().get(0).finishReason()).isEmpty();
    }

    @Test
    void aChunkGivesItsIdModelCreationTimeAndDelta() {
        server.enqueueStream("""
                {"id":"chatcmpl-7","object":"chat.completion.chunk","created":1700000001,"model":"gpt-4o-mini",\
                "system_fingerprint":"fp_1","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},\
                "logprobs":null,"finish_reason":null}]}""", ServerPayloads.lastChunk("stop"));

        ChatCompletionChunk first = readAll(PARAMS).get(0);

        assertThat(first.id()).isEqualTo("chatcmpl-7");
        assertThat(first.model()).isEqualTo("gpt-4o-mini");
        assertThat(first.created()).isEqualTo(1700000001L);
        assertThat(first.systemFingerprint()).contains("fp_1");
        assertThat(first.choices().get(0).index()).isZero();
        assertThat(first.choices().get(0).delta().role()).contains(ChatCompletionChunk.Choice.Delta.Role.ASSISTANT);
        assertThat(first.choices().get(0).delta().content()).contains("");
        assertThat(first.choices().get(0).delta().refusal()).isEmpty();
    }

    @Test
    void toolCallsArriveAsDeltasOfTheirIndex() {
        server.enqueueStream("""
                {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{\
                "role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_1","type":"function",\
                "function":{"name":"get_weather","arguments":""}}]},"finish_reason":null}]}""", """
                {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{\
                "tool_calls":[{"index":0,"function":{"arguments":"{\\"city\\":"}}]},"finish_reason":null}]}""", """
                {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{\
                "tool_calls":[{"index":0,"function":{"arguments":"\\"Paris\\"}"}}]},"finish_reason":null}]}""",
                ServerPayloads.lastChunk("tool_calls"));

        List<ChatCompletionChunk> chunks = readAll(PARAMS);

        ChatCompletionChunk.Choice.Delta.ToolCall start = chunks.get(0).choices().get(0).delta().toolCalls().orElseThrow().get(0);
        assertThat(start.index()).isZero();
        assertThat(start.id()).contains("call_1");
        assertThat(start.type()).contains(ChatCompletionChunk.Choice.Delta.ToolCall.Type.FUNCTION);
        assertThat(start.function().orElseThrow().name()).contains("get_weather");
        String arguments = chunks.stream()
                .flatMap(c -> c.choices().get(0).delta().toolCalls().stream().flatMap(List::stream))
                .map(call -> call.function().flatMap(ChatCompletionChunk.Choice.Delta.ToolCall.Function::arguments).orElse(""))
                .collect(Collectors.joining());
        assertThat(arguments).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(chunks.get(3).choices().get(0).finishReason()).contains(ChatCompletionChunk.Choice.FinishReason.TOOL_CALLS);
    }

    @Test
    void usageComesInAFinalChunkWithoutChoicesWhenAskedFor() {
        server.enqueueStream(ServerPayloads.chunk("Hi"), ServerPayloads.lastChunk("stop"), ServerPayloads.usageChunk(9, 2));

        List<ChatCompletionChunk> chunks = readAll(PARAMS.toBuilder()
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build());

        ChatCompletionChunk last = chunks.get(chunks.size() - 1);
        assertThat(last.choices()).isEmpty();
        assertThat(last.usage().orElseThrow().totalTokens()).isEqualTo(11);
        assertThat(chunks.get(0).usage()).isEmpty();
    }

    @Test
    void aStreamEndingWithoutDoneBeforeTheAnswerFinishedThrowsAfterTheChunksItGave() {
        server.enqueueSse("data: " + ServerPayloads.chunk("Hel") + "\n\n" + "data: " + ServerPayloads.chunk("lo") + "\n\n");
        List<String> seen = new ArrayList<>();

        try (StreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(PARAMS)) {
            Iterator<ChatCompletionChunk> chunks = response.stream().iterator();
            assertThatThrownBy(() -> chunks.forEachRemaining(c -> seen.add(c.choices().get(0).delta().content().orElse(""))))
                    .isInstanceOf(OpenAIIoException.class)
                    .hasMessage("POST /v1/chat/completions stream ended before the answer was complete"
                            + " (no [DONE] and no finish_reason)");
        }
        assertThat(seen).containsExactly("Hel", "lo");
    }

    @Test
    void anEmptyStreamIsAnErrorNotAnEmptyAnswer() {
        for (int attempt = 0; attempt < 3; attempt++) server.enqueueSse("");

        assertThatThrownBy(() -> readAll(PARAMS.toBuilder().build()))
                .isInstanceOf(OpenAIIoException.class)
                .hasMessage("POST /v1/chat/completions stream ended before the answer was complete (no [DONE] and no chunks)");
    }

    @Test
    void aStreamWithoutDoneIsWholeWhenEveryChoiceFinished() {
        server.enqueueSse("data: " + ServerPayloads.chunk("Hi") + "\n\n" + "data: " + ServerPayloads.lastChunk("stop") + "\n\n");

        assertThat(text(readAll(PARAMS))).isEqualTo("Hi");
    }

    @Test
    void aStreamWithoutDoneIsCutShortWhileAnyChoiceIsUnfinished() {
        server.enqueueSse("""
                data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"a"},"finish_reason":null},{"index":1,"delta":{"content":"b"},"finish_reason":null}]}

                data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}

                """);

        assertThatThrownBy(() -> readAll(PARAMS.toBuilder().n(2).build()))
                .isInstanceOf(OpenAIIoException.class)
                .hasMessage("POST /v1/chat/completions stream ended before the answer was complete"
                        + " (no [DONE] and no finish_reason)");
    }

    @Test
    void aStreamWithoutDoneThatWasAskedForUsageIsCutShortUntilTheUsageCame() {
        server.enqueueSse("data: " + ServerPayloads.chunk("Hi") + "\n\n" + "data: " + ServerPayloads.lastChunk("stop") + "\n\n");

        assertThatThrownBy(() -> readAll(PARAMS.toBuilder()
                        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build()))
                .isInstanceOf(OpenAIIoException.class)
                .hasMessageStartingWith("POST /v1/chat/completions stream ended before the answer was complete");
    }

    @Test
    void aConnectionCutInTheMiddleOfTheStreamThrows() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 200; i++) body.append("data: ").append(ServerPayloads.chunk("word ")).append("\n\n");
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream").setBody(body.toString())
                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));

        assertThatThrownBy(() -> readAll(PARAMS))
                .isInstanceOf(OpenAIIoException.class)
                .hasMessageStartingWith("POST /v1/chat/completions stream");
        assertThat(server.requestCount()).as("a stream that gave chunks is not tried again").isEqualTo(1);
    }

    @Test
    void anErrorEventInsideTheStreamThrowsSseExceptionAfterTheChunksBeforeIt() {
        server.enqueueSse("data: " + ServerPayloads.chunk("Hel") + "\n\n"
                + "data: " + ServerPayloads.error("The server had an error while processing your request.",
                        "server_error", "overloaded") + "\n\n");
        List<String> seen = new ArrayList<>();

        try (StreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(PARAMS)) {
            assertThatThrownBy(() -> response.stream().forEach(c -> seen.add(c.choices().get(0).delta().content().orElse(""))))
                    .isInstanceOfSatisfying(SseException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(200);
                        assertThat(e.code()).contains("overloaded");
                        assertThat(e.type()).contains("server_error");
                    })
                    .hasMessage("200: The server had an error while processing your request.");
        }
        assertThat(seen).containsExactly("Hel");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void anEventNamedErrorIsAnSseException() {
        server.enqueueSse("data: " + ServerPayloads.chunk("Hel") + "\n\n"
                + "event: error\ndata: {\"message\":\"model crashed\",\"type\":\"internal\"}\n\n");

        assertThatThrownBy(() -> readAll(PARAMS))
                .isInstanceOf(SseException.class)
                .hasMessage("200: model crashed");
    }

    @Test
    void anErrorEventBeforeAnyChunkIsTriedAgain() {
        server.enqueueSse("data: " + ServerPayloads.error("overloaded", "server_error", null) + "\n\n");
        server.enqueueStream(ServerPayloads.chunk("Hi"), ServerPayloads.lastChunk("stop"));

        assertThat(text(readAll(PARAMS))).isEqualTo("Hi");
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void dataThatIsNotJsonIsInvalidData() {
        server.enqueueSse("data: " + ServerPayloads.chunk("Hi") + "\n\ndata: {not json\n\n");

        assertThatThrownBy(() -> readAll(PARAMS))
                .isInstanceOf(OpenAIInvalidDataException.class)
                .hasMessageStartingWith("POST /v1/chat/completions streamed malformed JSON");
    }

    @Test
    void dataThatIsJsonButNotAnObjectIsInvalidData() {
        server.enqueueSse("data: " + ServerPayloads.chunk("Hi") + "\n\ndata: [1, 2]\n\n");

        assertThatThrownBy(() -> readAll(PARAMS))
                .isInstanceOf(OpenAIInvalidDataException.class)
                .hasMessage("POST /v1/chat/completions streamed an event that is not a JSON object: [1, 2]");
    }

    @Test
    void aRefusedRequestThrowsFromCreateStreamingItself() {
        server.enqueue(new MockResponse().setResponseCode(401)
                .setBody(ServerPayloads.error("Incorrect API key provided.", "invalid_request_error", "invalid_api_key")));

        assertThatThrownBy(() -> client.chat().completions().createStreaming(PARAMS))
                .isInstanceOf(UnauthorizedException.class)
                .hasMessage("401: Incorrect API key provided.");
    }

    @Test
    void aServerErrorBeforeTheStreamStartsIsTriedAgain() {
        server.enqueue(new MockResponse().setResponseCode(503).setBody("upstream busy"));
        server.enqueueStream(ServerPayloads.chunk("Hi"), ServerPayloads.lastChunk("stop"));

        assertThat(text(readAll(PARAMS))).isEqualTo("Hi");
        assertThat(server.requestCount()).isEqualTo(2);
    }

    /** A long answer sent slowly: about 300 KB at 1 KB each 10 ms, half a minute if the client kept reading. */
    private void enqueueLongSlowStream() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 2000; i++) body.append("data: ").append(ServerPayloads.chunk("word ")).append("\n\n");
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream").setBody(body.toString())
                .throttleBody(1024, 10, TimeUnit.MILLISECONDS));
    }

    @Test
    void closingTheResponseCutsTheStreamAtTheServerAndTheClientGoesOn() throws Exception {
        enqueueLongSlowStream();
        server.enqueueJson(ServerPayloads.completion("still here"));

        try (ConnectionCuts cuts = ConnectionCuts.watch(server.server)) {
            try (StreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(PARAMS)) {
                Iterator<ChatCompletionChunk> chunks = response.stream().iterator();
                assertThat(chunks.next().choices().get(0).delta().content()).contains("word ");
                assertThat(chunks.next().choices().get(0).delta().content()).contains("word ");
            }
            assertThat(cuts.awaitCut(10)).as("the server saw the client cut the stream").isTrue();
        }

        assertThat(client.chat().completions().create(PARAMS).choices().get(0).message().content()).contains("still here");
    }

    @Test
    void closingAStreamFromAnotherThreadReleasesAReaderWaitingForTheNextChunk() throws Exception {
        StringBuilder body = new StringBuilder("data: " + ServerPayloads.chunk("first") + "\n\n");
        // Then only pings, slowly: more than a minute before the body would end on its own.
        for (int i = 0; i < 2000; i++) body.append(": keep-alive\n\n");
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream").setBody(body.toString())
                .throttleBody(16, 50, TimeUnit.MILLISECONDS));
        StreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(PARAMS);
        Iterator<ChatCompletionChunk> chunks = response.stream().iterator();
        assertThat(chunks.next().choices().get(0).delta().content()).contains("first");
        CompletableFuture<Boolean> more = CompletableFuture.supplyAsync(chunks::hasNext);

        response.close();

        assertThat(more.get(10, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void closingTheJavaStreamClosesTheResponse() throws Exception {
        enqueueLongSlowStream();
        StreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(PARAMS);

        try (ConnectionCuts cuts = ConnectionCuts.watch(server.server)) {
            try (Stream<ChatCompletionChunk> chunks = response.stream()) {
                assertThat(chunks.limit(3).count()).isEqualTo(3);
            }
            assertThat(cuts.awaitCut(10)).isTrue();
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        server.enqueueStream(ServerPayloads.chunk("Hi"), ServerPayloads.lastChunk("stop"));
        StreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(PARAMS);

        response.close();
        response.close();

        assertThat(response.stream().count()).isZero();
    }

    @Test
    void theChunksCanBeStreamedOnlyOnce() {
        server.enqueueStream(ServerPayloads.chunk("Hi"), ServerPayloads.lastChunk("stop"));

        try (StreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(PARAMS)) {
            response.stream().count();
            assertThatThrownBy(response::stream)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("stream() can be called only once");
        }
    }

    @Test
    void aFailedStreamLeavesTheClientUsable() {
        server.enqueueSse("data: " + ServerPayloads.chunk("Hel") + "\n\n");
        server.enqueueStream(ServerPayloads.chunk("Hi"), ServerPayloads.lastChunk("stop"));

        assertThatThrownBy(() -> readAll(PARAMS)).isInstanceOf(OpenAIIoException.class);
        assertThat(text(readAll(PARAMS))).isEqualTo("Hi");
    }
}
