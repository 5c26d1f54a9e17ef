package dev.switchboard.models.chat.completions;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonModel;
import dev.switchboard.core.internal.ModelBuilder;
import dev.switchboard.core.internal.Struct;
import dev.switchboard.core.internal.Validation;
import dev.switchboard.models.FunctionDefinition;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A function tool. */
public final class ChatCompletionFunctionTool extends JsonModel {
    private static final List<String> FIELDS = List.of("function", "type");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private ChatCompletionFunctionTool(Struct struct) {
        super(struct);
    }

    public static Builder builder() {
        return new Builder(Struct.builder());
    }

    public FunctionDefinition function() {
        return struct().model("function", FunctionDefinition.class);
    }

    public JsonValue _type() {
        return struct().get("type");
    }

    public Map<String, JsonValue> _additionalProperties() {
        return additionalProperties(KNOWN);
    }

    /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
    public ChatCompletionFunctionTool validate() {
        Validation.validate(function());
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
            if (!fields.has("type")) fields.put("type", JsonValue.from("function"));
        }

        public Builder function(FunctionDefinition function) {
            fields.put("function", function);
            return this;
        }

        public Builder type(JsonValue value) {
            fields.put("type", value);
            return this;
        }

        /** Throws IllegalStateException naming the first required field not set. */
        public ChatCompletionFunctionTool build() {
            return new ChatCompletionFunctionTool(fields.build(FIELDS, "function"));
        }
    }
}
