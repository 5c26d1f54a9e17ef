package dev.switchboard.structured;

import static dev.switchboard.structured.Shop.ORDER;
import static dev.switchboard.structured.Shop.ORDER_JSON;
import static dev.switchboard.structured.Shop.ORDER_SCHEMA;
import static dev.switchboard.structured.Shop.completion;
import static dev.switchboard.structured.Shop.quoted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.client.OpenAIClientAsync;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.core.http.AsyncStreamResponse;
import dev.switchboard.helpers.ChatCompletionAccumulator;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.models.chat.completions.StructuredChatCompletion;
import dev.switchboard.models.chat.completions.StructuredChatCompletionCreateParams;
import dev.switchboard.services.async.chat.ChatCompletionServiceAsync;
import dev.switchboard.structured.Shop.Order;
import dev.switchboard.testing.MockServer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Structured outputs from a class through the async client. */
class StructuredChatCompletionAsyncTest {
    private final MockServer server = new MockServer();
    private final OpenAIClientAsync client = server.asyncClient();

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
    }

    private static StructuredChatCompletionCreateParams<Order> orderRequest() {
        return ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini")
                .addUserMessage("Two teas to Ada Lovelace.")
                .responseFormat(Order.class)
                .build();
    }

    @Test
    void theAnswerCompletesTheFutureReadIntoTheClass() throws Exception {
        server.enqueueJson(completion("{\"role\":\"assistant\",\"content\":" + quoted(ORDER_JSON) + "}", "stop"));

        StructuredChatCompletion<Order> completion =
                client.chat().completions().create(orderRequest()).get(10, TimeUnit.SECONDS);

        assertThat(completion.choices().get(0).message().content()).contains(ORDER);
        assertThat(server.takeRequest().getBody().readUtf8()).contains("\"response_format\":{\"json_schema\":"
                + "{\"name\":\"json-schema-from-Order\",\"schema\":" + ORDER_SCHEMA + ",\"strict\":true}");
    }

    record GetTime(String zone) {}

    @Test
    void aToolFromAClassIsCalledThroughTheAsyncClient() throws Exception {
        server.enqueueJson(completion("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\","
                + "\"type\":\"function\",\"function\":{\"name\":\"GetTime\",\"arguments\":\"{\\\"zone\\\":\\\"UTC\\\"}\"}}]}",
                "tool_calls"));

        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini")
                .addUserMessage("What time is it?")
                .addTool(GetTime.class)
                .build()).get(10, TimeUnit.SECONDS);

        assertThat(server.takeRequest().getBody().readUtf8()).contains("\"tools\":[{\"function\":{\"name\":\"GetTime\",");
        assertThat(completion.choices().get(0).message().toolCalls().get().get(0).asFunction().function()
                .arguments(GetTime.class)).isEqualTo(new GetTime("UTC"));
    }

    @Test
    void cancellingTheStructuredFutureCancelsTheRequest() {
        CompletableFuture<ChatCompletion> request = new CompletableFuture<>();
        ChatCompletionServiceAsync service = new ChatCompletionServiceAsync() {
            @Override
            public CompletableFuture<ChatCompletion> create(ChatCompletionCreateParams params, RequestOptions options) {
                return request;
            }

            @Override
            public AsyncStreamResponse<ChatCompletionChunk> createStreaming(ChatCompletionCreateParams params,
                    RequestOptions options) {
                throw new UnsupportedOperationException();
            }
        };

        service.create(orderRequest()).cancel(true);

        assertThat(request).isCancelled();
    }

    @Test
    void aStreamedStructuredAnswerIsAccumulatedFromTheHandler() throws Exception {
        String head = "{\"id\":\"chatcmpl-9\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":";
        int third = ORDER_JSON.length() / 3;
        server.enqueueStream(
                head + "{\"role\":\"assistant\",\"content\":" + quoted(ORDER_JSON.substring(0, third)) + "},\"finish_reason\":null}]}",
                head + "{\"content\":" + quoted(ORDER_JSON.substring(third, 2 * third)) + "},\"finish_reason\":null}]}",
                head + "{\"content\":" + quoted(ORDER_JSON.substring(2 * third)) + "},\"finish_reason\":\"stop\"}]}");
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();

        client.chat().completions().createStreaming(orderRequest())
                .subscribe(accumulator::accumulate)
                .onCompleteFuture()
                .get(10, TimeUnit.SECONDS);

        assertThat(accumulator.chatCompletion(Order.class).choices().get(0).message().content()).contains(ORDER);
    }
}
