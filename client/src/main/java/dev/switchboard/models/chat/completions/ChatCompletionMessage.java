package dev.switchboard.models.chat.completions;

import dev.switchboard.core.JsonMissing;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonModel;
import dev.switchboard.core.internal.ModelBuilder;
import dev.switchboard.core.internal.Struct;
import dev.switchboard.core.internal.Validation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The message a model answered with: content, refusal, tool calls. */
public final class ChatCompletionMessage extends JsonModel {
    private static final List<String> FIELDS = List.of("content", "refusal", "role", "tool_calls");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private ChatCompletionMessage(Struct struct) {
        super(struct);
    }

    public static Builder builder() {
        return new Builder(Struct.builder());
    }

    public Optional<String> content() {
        return struct().optionalString("content");
    }

    public Optional<String> refusal() {
        return struct().optionalString("refusal");
    }

    public JsonValue _role() {
        return struct().get("role");
    }

    public Optional<List<ChatCompletionMessageToolCall>> toolCalls() {
        return struct().optionalModels("tool_calls", ChatCompletionMessageToolCall.class);
    }

    public Map<String, JsonValue> _additionalProperties() {
        return additionalProperties(KNOWN);
    }

    /**
     * The reasoning a server sent beside the answer, as {@code reasoning_content} (vLLM, llama.cpp,
     * DeepSeek) or {@code reasoning} (Ollama, OpenRouter). A Switchboard addition: the official API has
     * no such field; the raw values stay in {@code _additionalProperties()}.
     */
    public Optional<String> reasoningContent() {
        Optional<String> content = struct().optionalString("reasoning_content");
        return content.isPresent() ? content : struct().optionalString("reasoning");
    }

    /**
     * This message as a parameter, to send back in the next request of a conversation. As in the
     * official SDK, a field the answer held is sent back even when null ({@code "refusal": null}).
     */
    public ChatCompletionAssistantMessageParam toParam() {
        ChatCompletionAssistantMessageParam.Builder param = ChatCompletionAssistantMessageParam.builder();
        if (sent("content")) param.content(content().map(ChatCompletionAssistantMessageParam.Content::ofText));
        if (sent("refusal")) param.refusal(refusal());
        if (sent("tool_calls")) param.toolCalls(toolCalls().orElse(null));
        return param.build();
    }

    private boolean sent(String field) {
        return !(struct().get(field) instanceof JsonMissing);
    }

    /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
    public ChatCompletionMessage validate() {
        content();
        refusal();
        toolCalls().ifPresent(list -> list.forEach(Validation::validate));
        return this;
    }

    public boolean isValid() {
        return Validation.isValid(this::validate);
    }

    public Builder toBuilder() {
        return new Builder(struct().toBuilder());
    }

    public static final class Builder extends ModelBuilder<Builder> {
        private Builder(Struct.Builder fields) {
            super(fields, KNOWN);
            if (!fields.has("role")) fields.put("role", JsonValue.from("assistant"));
        }

        public Builder content(String content) {
            fields.put("content", content);
            return this;
        }

        public Builder content(Optional<String> content) {
            return content(content.orElse(null));
        }

        public Builder refusal(String refusal) {
            fields.put("refusal", refusal);
            return this;
        }

        public Builder refusal(Optional<String> refusal) {
            return refusal(refusal.orElse(null));
        }

        public Builder role(JsonValue value) {
            fields.put("role", value);
            return this;
        }

        public Builder toolCalls(List<ChatCompletionMessageToolCall> toolCalls) {
            fields.put("tool_calls", toolCalls);
            return this;
        }

        public Builder addToolCall(ChatCompletionMessageToolCall element) {
            fields.add("tool_calls", element);
            return this;
        }

        public Builder addToolCall(ChatCompletionMessageFunctionToolCall functionToolCall) {
            return addToolCall(ChatCompletionMessageToolCall.ofFunction(functionToolCall));
        }

        /** Throws IllegalStateException naming the first required field not set. */
        public ChatCompletionMessage build() {
            return new ChatCompletionMessage(fields.build(FIELDS));
        }
    }
}
