package dev.switchboard.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.http.StreamResponse;
import dev.switchboard.core.internal.JsonValueAdapter;
import dev.switchboard.models.ChatModel;
import dev.switchboard.models.FunctionDefinition;
import dev.switchboard.models.FunctionParameters;
import dev.switchboard.models.ResponseFormatJsonObject;
import dev.switchboard.models.ResponseFormatJsonSchema;
import dev.switchboard.models.ResponseFormatText;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionAssistantMessageParam;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionContentPart;
import dev.switchboard.models.chat.completions.ChatCompletionContentPartImage;
import dev.switchboard.models.chat.completions.ChatCompletionContentPartText;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.models.chat.completions.ChatCompletionFunctionTool;
import dev.switchboard.models.chat.completions.ChatCompletionMessage;
import dev.switchboard.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import dev.switchboard.models.chat.completions.ChatCompletionNamedToolChoice;
import dev.switchboard.models.chat.completions.ChatCompletionStreamOptions;
import dev.switchboard.models.chat.completions.ChatCompletionToolChoiceOption;
import dev.switchboard.models.chat.completions.ChatCompletionToolMessageParam;
import dev.switchboard.models.chat.completions.ChatCompletionUserMessageParam;
import dev.switchboard.testing.MockServer;
import dev.switchboard.testing.ServerPayloads;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What goes over the wire for a chat completion. The expected bodies are what the official SDK
 * (openai-java 4.101.0) sends for the same builder calls, byte for byte where the order of keys is
 * fixed by its schema.
 */
class ChatCompletionRequestTest {
    private final MockServer server = new MockServer();
    private final OpenAIClient client = server.client();

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
    }

    private RecordedRequest send(ChatCompletionCreateParams params) {
        server.enqueueJson(ServerPayloads.completion("ok"));
        client.chat().completions().create(params);
        return server.takeRequest();
    }

    private String body(ChatCompletionCreateParams params) {
        return send(params).getBody().readUtf8();
    }

    private static ChatCompletionCreateParams.Builder ask(String question) {
        return ChatCompletionCreateParams.builder().model("m").addUserMessage(question);
    }

    @Test
    void aMinimalRequestIsPostedToChatCompletionsAsTheOfficialSdkSendsIt() {
        RecordedRequest request = send(ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4O_MINI)
                .addUserMessage("Hello")
                .build());

        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/v1/chat/completions");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getBody().readUtf8())
                .isEqualTo("{\"messages\":[{\"content\":\"Hello\",\"role\":\"user\"}],\"model\":\"gpt-4o-mini\"}");
    }

    @Test
    void samplingSettingsAreSentUnderTheirApiNames() {
        String body = body(ChatCompletionCreateParams.builder().model("llama3").addUserMessage("Hi")
                .temperature(0.7).topP(0.9).n(2).seed(42).stop("END").maxCompletionTokens(2048).maxTokens(100)
                .presencePenalty(0.5).frequencyPenalty(-0.5).logprobs(true).topLogprobs(3).user("user-1")
                .logitBias(ChatCompletionCreateParams.LogitBias.builder()
                        .putAdditionalProperty("50256", JsonValue.from(-100)).build())
                .build());

        assertThat(body).isEqualTo("{\"messages\":[{\"content\":\"Hi\",\"role\":\"user\"}],\"model\":\"llama3\","
                + "\"frequency_penalty\":-0.5,\"logit_bias\":{\"50256\":-100},\"logprobs\":true,"
                + "\"max_completion_tokens\":2048,\"max_tokens\":100,\"n\":2,\"presence_penalty\":0.5,\"seed\":42,"
                + "\"stop\":\"END\",\"temperature\":0.7,\"top_logprobs\":3,\"top_p\":0.9,\"user\":\"user-1\"}");
    }

    @Test
    void stopOfStringsIsSentAsAnArray() {
        assertThat(body(ask("Hi").stopOfStrings(List.of("a", "b")).build()))
                .isEqualTo("{\"messages\":[{\"content\":\"Hi\",\"role\":\"user\"}],\"model\":\"m\",\"stop\":[\"a\",\"b\"]}");
    }

    @Test
    void everyKindOfMessageIsSentInTheOfficialShape() {
        String body = body(ChatCompletionCreateParams.builder().model("m")
                .addSystemMessage("You are terse.")
                .addDeveloperMessage("Answer in French.")
                .addUserMessageOfArrayOfContentParts(List.of(
                        ChatCompletionContentPart.ofText(ChatCompletionContentPartText.builder().text("What is this?").build()),
                        ChatCompletionContentPart.ofImageUrl(ChatCompletionContentPartImage.builder()
                                .imageUrl(ChatCompletionContentPartImage.ImageUrl.builder()
                                        .url("https://example.com/cat.png")
                                        .detail(ChatCompletionContentPartImage.ImageUrl.Detail.LOW)
                                        .build())
                                .build())))
                .addMessage(ChatCompletionAssistantMessageParam.builder()
                        .content("Let me check.")
                        .addToolCall(ChatCompletionMessageFunctionToolCall.builder()
                                .id("call_9")
                                .function(ChatCompletionMessageFunctionToolCall.Function.builder()
                                        .name("lookup").arguments("{\"q\":\"cat\"}").build())
                                .build())
                        .build())
                .addMessage(ChatCompletionToolMessageParam.builder().toolCallId("call_9").content("a cat").build())
                .addAssistantMessage("It is a cat.")
                .addUserMessage(ChatCompletionUserMessageParam.Content.ofText("Thanks"))
                .build());

        assertThat(body).isEqualTo("{\"messages\":["
                + "{\"content\":\"You are terse.\",\"role\":\"system\"},"
                + "{\"content\":\"Answer in French.\",\"role\":\"developer\"},"
                + "{\"content\":[{\"text\":\"What is this?\",\"type\":\"text\"},"
                + "{\"image_url\":{\"url\":\"https://example.com/cat.png\",\"detail\":\"low\"},\"type\":\"image_url\"}],"
                + "\"role\":\"user\"},"
                + "{\"role\":\"assistant\",\"content\":\"Let me check.\",\"tool_calls\":[{\"id\":\"call_9\","
                + "\"function\":{\"arguments\":\"{\\\"q\\\":\\\"cat\\\"}\",\"name\":\"lookup\"},\"type\":\"function\"}]},"
                + "{\"content\":\"a cat\",\"role\":\"tool\",\"tool_call_id\":\"call_9\"},"
                + "{\"role\":\"assistant\",\"content\":\"It is a cat.\"},"
                + "{\"content\":\"Thanks\",\"role\":\"user\"}],\"model\":\"m\"}");
    }

    private static FunctionDefinition weather() {
        return FunctionDefinition.builder()
                .name("get_weather")
                .description("Weather of a city")
                .parameters(FunctionParameters.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                        .putAdditionalProperty("required", JsonValue.from(List.of("city")))
                        .build())
                .strict(true)
                .build();
    }

    private static final String WEATHER_TOOL = "{\"function\":{\"name\":\"get_weather\",\"description\":\"Weather of a city\","
            + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]},"
            + "\"strict\":true},\"type\":\"function\"}";

    @Test
    void functionToolsANamedToolChoiceAndParallelToolCallsAreSent() {
        String body = body(ask("Weather in Paris?")
                .addTool(ChatCompletionFunctionTool.builder().function(weather()).build())
                .toolChoice(ChatCompletionNamedToolChoice.builder()
                        .function(ChatCompletionNamedToolChoice.Function.builder().name("get_weather").build())
                        .build())
                .parallelToolCalls(false)
                .build());

        assertThat(body).isEqualTo("{\"messages\":[{\"content\":\"Weather in Paris?\",\"role\":\"user\"}],\"model\":\"m\","
                + "\"parallel_tool_calls\":false,"
                + "\"tool_choice\":{\"function\":{\"name\":\"get_weather\"},\"type\":\"function\"},"
                + "\"tools\":[" + WEATHER_TOOL + "]}");
    }

    @Test
    void toolChoiceRequiredIsSentAsAString() {
        String body = body(ask("x").addFunctionTool(weather()).toolChoice(ChatCompletionToolChoiceOption.Auto.REQUIRED).build());

        assertThat(body).isEqualTo("{\"messages\":[{\"content\":\"x\",\"role\":\"user\"}],\"model\":\"m\","
                + "\"tool_choice\":\"required\",\"tools\":[" + WEATHER_TOOL + "]}");
    }

    @Test
    void aJsonSchemaResponseFormatIsSentWithItsSchema() {
        String body = body(ask("x").responseFormat(ResponseFormatJsonSchema.builder()
                        .jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
                                .name("person")
                                .strict(true)
                                .schema(ResponseFormatJsonSchema.JsonSchema.Schema.builder()
                                        .putAdditionalProperty("type", JsonValue.from("object"))
                                        .putAdditionalProperty("properties",
                                                JsonValue.from(Map.of("name", Map.of("type", "string"))))
                                        .build())
                                .build())
                        .build())
                .build());

        assertThat(body).isEqualTo("{\"messages\":[{\"content\":\"x\",\"role\":\"user\"}],\"model\":\"m\","
                + "\"response_format\":{\"json_schema\":{\"name\":\"person\",\"schema\":{\"type\":\"object\","
                + "\"properties\":{\"name\":{\"type\":\"string\"}}},\"strict\":true},\"type\":\"json_schema\"}}");
    }

    @Test
    void aJsonObjectResponseFormatIsSentAsItsType() {
        assertThat(body(ask("x").responseFormat(ResponseFormatJsonObject.builder().build()).build()))
                .isEqualTo("{\"messages\":[{\"content\":\"x\",\"role\":\"user\"}],\"model\":\"m\","
                        + "\"response_format\":{\"type\":\"json_object\"}}");
    }

    @Test
    void aTextResponseFormatIsSentAsItsType() {
        assertThat(body(ask("x").responseFormat(ResponseFormatText.builder().build()).build()))
                .isEqualTo("{\"messages\":[{\"content\":\"x\",\"role\":\"user\"}],\"model\":\"m\","
                        + "\"response_format\":{\"type\":\"text\"}}");
    }

    @Test
    void backendExtrasAreSentBesideTheOfficialFields() {
        String body = body(ask("x")
                .putAdditionalBodyProperty("top_k", JsonValue.from(40))
                .putAdditionalBodyProperty("min_p", JsonValue.from(0.05))
                .putAdditionalBodyProperty("repetition_penalty", JsonValue.from(1.1))
                .putAdditionalBodyProperty("chat_template_kwargs", JsonValue.from(Map.of("enable_thinking", false)))
                .build());

        assertThat(body).isEqualTo("{\"messages\":[{\"content\":\"x\",\"role\":\"user\"}],\"model\":\"m\","
                + "\"top_k\":40,\"min_p\":0.05,\"repetition_penalty\":1.1,\"chat_template_kwargs\":{\"enable_thinking\":false}}");
    }

    @Test
    void aSettingSetToNullIsSentAsJsonNull() {
        assertThat(body(ask("x").temperature((Double) null).build()))
                .isEqualTo("{\"messages\":[{\"content\":\"x\",\"role\":\"user\"}],\"model\":\"m\",\"temperature\":null}");
    }

    @Test
    void anAnswerWithToolCallsIsSentBackAsTheAssistantsMessage() {
        server.enqueueJson("""
                {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"finish_reason":"tool_calls","logprobs":null,
                   "message":{"role":"assistant","content":null,"refusal":null,
                     "tool_calls":[{"id":"call_1","type":"function",
                       "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]}}]}""");
        ChatCompletionCreateParams first = ask("Weather?").build();
        ChatCompletionMessage reply = client.chat().completions().create(first).choices().get(0).message();
        server.takeRequest();

        String body = body(first.toBuilder()
                .addMessage(reply)
                .addMessage(ChatCompletionToolMessageParam.builder()
                        .toolCallId(reply.toolCalls().orElseThrow().get(0).asFunction().id())
                        .content("sunny")
                        .build())
                .build());

        assertThat(JsonValueAdapter.parse(body)).isEqualTo(JsonValueAdapter.parse("""
                {"messages":[{"content":"Weather?","role":"user"},
                  {"role":"assistant","content":null,"refusal":null,"tool_calls":[{"id":"call_1",
                    "function":{"arguments":"{\\"city\\":\\"Paris\\"}","name":"get_weather"},"type":"function"}]},
                  {"content":"sunny","role":"tool","tool_call_id":"call_1"}],"model":"m"}"""));
    }

    @Test
    void aTextAnswerIsSentBackWithItsContentAndNullRefusal() {
        server.enqueueJson(ServerPayloads.completion("Hi there"));
        ChatCompletion answer = client.chat().completions().create(ask("Weather?").build());
        server.takeRequest();

        String body = body(ask("Weather?").addMessage(answer.choices().get(0).message()).addUserMessage("more").build());

        assertThat(body).isEqualTo("{\"messages\":[{\"content\":\"Weather?\",\"role\":\"user\"},"
                + "{\"role\":\"assistant\",\"content\":\"Hi there\",\"refusal\":null},"
                + "{\"content\":\"more\",\"role\":\"user\"}],\"model\":\"m\"}");
    }

    private RecordedRequest stream(ChatCompletionCreateParams params) {
        server.enqueueStream(ServerPayloads.chunk("x"), ServerPayloads.lastChunk("stop"));
        try (StreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(params)) {
            assertThat(response.stream().count()).isEqualTo(2);
        }
        return server.takeRequest();
    }

    @Test
    void aStreamingRequestAddsStreamTrueAndAcceptsServerSentEvents() {
        RecordedRequest request = stream(ask("x").build());

        assertThat(request.getHeader("Accept")).isEqualTo("text/event-stream");
        assertThat(request.getBody().readUtf8())
                .isEqualTo("{\"messages\":[{\"content\":\"x\",\"role\":\"user\"}],\"model\":\"m\",\"stream\":true}");
    }

    @Test
    void streamOptionsAreSentWithAStreamingRequest() {
        RecordedRequest request = stream(ask("x")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build());

        assertThat(request.getBody().readUtf8()).isEqualTo("{\"messages\":[{\"content\":\"x\",\"role\":\"user\"}],"
                + "\"model\":\"m\",\"stream_options\":{\"include_usage\":true},\"stream\":true}");
    }

    @Test
    void aRequestThatIsNotStreamedAsksForNoEventStream() {
        assertThat(send(ask("x").build()).getHeader("Accept")).isNotEqualTo("text/event-stream");
    }

    @Test
    void theApiKeyIsSentAsABearerToken() {
        assertThat(send(ask("x").build()).getHeader("Authorization")).isEqualTo("Bearer sk-test-secret");
    }

    @Test
    void organizationAndProjectAreSentAsTheirHeaders() {
        try (OpenAIClient withOrg = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey("k")
                .organization("org-1").project("proj-1").build()) {
            server.enqueueJson(ServerPayloads.completion("ok"));
            withOrg.chat().completions().create(ask("x").build());
        }
        RecordedRequest request = server.takeRequest();

        assertThat(request.getHeader("OpenAI-Organization")).isEqualTo("org-1");
        assertThat(request.getHeader("OpenAI-Project")).isEqualTo("proj-1");
    }

    @Test
    void noOrganizationOrProjectHeaderIsSentWhenNoneIsSet() {
        RecordedRequest request = send(ask("x").build());

        assertThat(request.getHeader("OpenAI-Organization")).isNull();
        assertThat(request.getHeader("OpenAI-Project")).isNull();
    }

    @Test
    void clientHeadersAndQueryParamsGoWithEveryRequest() {
        try (OpenAIClient custom = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey("k")
                .putHeader("X-Custom", "a").putQueryParam("api-version", "2024").build()) {
            server.enqueueJson(ServerPayloads.completion("ok"));
            custom.chat().completions().create(ask("x").build());
        }
        RecordedRequest request = server.takeRequest();

        assertThat(request.getHeader("X-Custom")).isEqualTo("a");
        assertThat(request.getPath()).isEqualTo("/v1/chat/completions?api-version=2024");
    }

    @Test
    void aRequestsHeadersAndQueryParamsReplaceTheClientsOfTheSameName() {
        try (OpenAIClient custom = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey("k")
                .putHeader("X-Custom", "a").putHeader("User-Agent", "mine/1").putQueryParam("k", "1").build()) {
            server.enqueueJson(ServerPayloads.completion("ok"));
            custom.chat().completions().create(ask("x").putAdditionalHeader("X-Custom", "b")
                    .putAdditionalQueryParam("k", "2").putAdditionalQueryParam("trace", "yes").build());
        }
        RecordedRequest request = server.takeRequest();

        assertThat(request.getHeaders().values("X-Custom")).containsExactly("b");
        assertThat(request.getHeader("User-Agent")).isEqualTo("mine/1");
        assertThat(request.getPath()).isEqualTo("/v1/chat/completions?k=2&trace=yes");
    }

    @Test
    void aBaseUrlWithATrailingSlashGivesTheSamePath() {
        try (OpenAIClient slash = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl() + "/").apiKey("k").build()) {
            server.enqueueJson(ServerPayloads.completion("ok"));
            slash.chat().completions().create(ask("x").build());
        }

        assertThat(server.takeRequest().getPath()).isEqualTo("/v1/chat/completions");
    }
}
