package dev.switchboard.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonValueAdapter;
import dev.switchboard.models.ChatModel;
import dev.switchboard.models.ResponseFormatJsonObject;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.models.chat.completions.ChatCompletionMessageParam;
import dev.switchboard.models.chat.completions.ChatCompletionToolChoiceOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The params builder: required fields, copies, overloads, and what the accessors give back. */
class ChatCompletionCreateParamsTest {

    private static String json(ChatCompletionCreateParams params) {
        return JsonValueAdapter.toJsonString(JsonValue.from(params));
    }

    @Test
    void buildingWithoutAModelNamesTheMissingField() {
        assertThatThrownBy(() -> ChatCompletionCreateParams.builder().addUserMessage("Hi").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("`model` is required, but was not set");
    }

    @Test
    void buildingWithoutMessagesNamesTheMissingField() {
        assertThatThrownBy(() -> ChatCompletionCreateParams.builder().model(ChatModel.GPT_4O_MINI).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("`messages` is required, but was not set");
    }

    @Test
    void aBuilderThatFailedToBuildKeepsWhatItHadAndCanBeFinished() {
        ChatCompletionCreateParams.Builder builder = ChatCompletionCreateParams.builder().addUserMessage("Hi").temperature(0.3);
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);

        ChatCompletionCreateParams params = builder.model("m").build();

        assertThat(params.messages()).hasSize(1);
        assertThat(params.temperature()).contains(0.3);
    }

    @Test
    void requestHeadersAndQueryParamsAreAddedReplacedAndRemoved() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("m").addUserMessage("x")
                .putAdditionalHeader("X-A", "1").putAdditionalHeader("X-A", "2")
                .putAdditionalHeader("X-B", "1").replaceAllAdditionalHeaders(Map.of("X-B", List.of("9")))
                .putAdditionalHeader("X-C", "1").removeAdditionalHeaders("X-C")
                .putAdditionalQueryParam("a", "1").replaceAllAdditionalQueryParams(Map.of("a", List.of("2")))
                .build();

        assertThat(params._additionalHeaders().values("X-A")).containsExactly("1", "2");
        assertThat(params._additionalHeaders().values("X-B")).containsExactly("9");
        assertThat(params._additionalHeaders().names()).doesNotContain("X-C");
        assertThat(params._additionalQueryParams().values("a")).containsExactly("2");
    }

    @Test
    void buildCopiesSoLaterBuilderCallsLeaveTheParamsAlone() {
        ChatCompletionCreateParams.Builder builder = ChatCompletionCreateParams.builder().model("m").addUserMessage("one");
        ChatCompletionCreateParams params = builder.build();

        builder.addUserMessage("two").temperature(1.0).model("other");

        assertThat(params.messages()).hasSize(1);
        assertThat(params.temperature()).isEmpty();
        assertThat(params.model().asString()).isEqualTo("m");
    }

    @Test
    void toBuilderStartsFromTheParamsAndLeavesThemAlone() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("m").addUserMessage("one")
                .maxCompletionTokens(10).putAdditionalHeader("X-A", "1").build();

        ChatCompletionCreateParams changed = params.toBuilder().addUserMessage("two").build();

        assertThat(changed.messages()).hasSize(2);
        assertThat(changed.maxCompletionTokens()).contains(10L);
        assertThat(changed._additionalHeaders().values("X-A")).containsExactly("1");
        assertThat(params.messages()).hasSize(1);
        assertThat(params.toBuilder().build()).isEqualTo(params);
    }

    @Test
    void primitiveLiteralsBindToTheNumericSetters() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("m").addUserMessage("x")
                .maxCompletionTokens(2048).maxTokens(100).n(1).seed(7).topLogprobs(2)
                .temperature(0.2).topP(1).presencePenalty(0).frequencyPenalty(1)
                .build();

        assertThat(params.maxCompletionTokens()).contains(2048L);
        assertThat(params.maxTokens()).contains(100L);
        assertThat(params.n()).contains(1L);
        assertThat(params.seed()).contains(7L);
        assertThat(params.topLogprobs()).contains(2L);
        assertThat(params.temperature()).contains(0.2);
        assertThat(params.topP()).contains(1.0);
        assertThat(params.presencePenalty()).contains(0.0);
        assertThat(params.frequencyPenalty()).contains(1.0);
        assertThat(json(params)).contains("\"max_completion_tokens\":2048", "\"top_p\":1.0", "\"temperature\":0.2");
    }

    @Test
    void theModelIsAChatModelConstantOrAnyName() {
        ChatCompletionCreateParams official = ChatCompletionCreateParams.builder().model(ChatModel.GPT_4O_MINI)
                .addUserMessage("x").build();
        ChatCompletionCreateParams local = ChatCompletionCreateParams.builder().model("qwen2.5:0.5b")
                .addUserMessage("x").build();

        assertThat(official.model()).isEqualTo(ChatModel.GPT_4O_MINI);
        assertThat(official.model().asString()).isEqualTo("gpt-4o-mini");
        assertThat(local.model().asString()).isEqualTo("qwen2.5:0.5b");
        assertThat(local.model().value()).isEqualTo(ChatModel.Value._UNKNOWN);
    }

    @Test
    void messagesKeepTheirOrderAndRole() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("m")
                .addSystemMessage("s").addDeveloperMessage("d").addUserMessage("u").addAssistantMessage("a")
                .build();

        List<ChatCompletionMessageParam> messages = params.messages();
        assertThat(messages).extracting(ChatCompletionMessageParam::isSystem).containsExactly(true, false, false, false);
        assertThat(messages.get(1).isDeveloper()).isTrue();
        assertThat(messages.get(2).asUser().content().asText()).isEqualTo("u");
        assertThat(messages.get(3).asAssistant().content().orElseThrow().asText()).isEqualTo("a");
    }

    @Test
    void accessorsGiveBackTheUnionsThatWereSet() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("m").addUserMessage("x")
                .stopOfStrings(List.of("a", "b"))
                .toolChoice(ChatCompletionToolChoiceOption.Auto.NONE)
                .responseFormat(ResponseFormatJsonObject.builder().build())
                .build();

        assertThat(params.stop().orElseThrow().asStrings()).containsExactly("a", "b");
        assertThat(params.toolChoice().orElseThrow().asAuto()).isEqualTo(ChatCompletionToolChoiceOption.Auto.NONE);
        assertThat(params.responseFormat().orElseThrow().isJsonObject()).isTrue();
    }

    @Test
    void unsetSettingsAreEmptyAndNotSent() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("m").addUserMessage("x").build();

        assertThat(params.temperature()).isEmpty();
        assertThat(params.tools()).isEmpty();
        assertThat(params.streamOptions()).isEmpty();
        assertThat(json(params)).isEqualTo("{\"messages\":[{\"content\":\"x\",\"role\":\"user\"}],\"model\":\"m\"}");
    }

    @Test
    void additionalBodyPropertiesAreKeptApartFromTheOfficialFields() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("m").addUserMessage("x")
                .temperature(0.5)
                .putAdditionalBodyProperty("top_k", JsonValue.from(40))
                .build();

        assertThat(params._additionalBodyProperties()).containsExactly(Map.entry("top_k", JsonValue.from(40)));
    }

    @Test
    void settingAllAdditionalBodyPropertiesReplacesThoseSetBefore() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("m").addUserMessage("x")
                .putAdditionalBodyProperty("top_k", JsonValue.from(40))
                .additionalBodyProperties(Map.of("min_p", JsonValue.from(0.1)))
                .build();

        assertThat(params._additionalBodyProperties()).containsExactly(Map.entry("min_p", JsonValue.from(0.1)));
        assertThat(params.model().asString()).isEqualTo("m");
    }

    @Test
    void paramsWithTheSameContentAreEqual() {
        ChatCompletionCreateParams a = ChatCompletionCreateParams.builder().model("m").addUserMessage("x").seed(1).build();
        ChatCompletionCreateParams b = ChatCompletionCreateParams.builder().model("m").addUserMessage("x").seed(1).build();
        ChatCompletionCreateParams c = ChatCompletionCreateParams.builder().model("m").addUserMessage("x").seed(2).build();
        ChatCompletionCreateParams d = a.toBuilder().putAdditionalQueryParam("q", "1").build();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c).isNotEqualTo(d);
    }
}
