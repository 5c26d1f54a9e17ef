package dev.switchboard.models.chat.completions;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonBinding;
import dev.switchboard.core.internal.JsonModel;
import dev.switchboard.core.internal.ModelBuilder;
import dev.switchboard.core.internal.JsonValueAdapter;
import dev.switchboard.core.internal.Struct;
import dev.switchboard.core.internal.Validation;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A call of a function tool: its id, name and arguments. */
public final class ChatCompletionMessageFunctionToolCall extends JsonModel {
    private static final List<String> FIELDS = List.of("id", "function", "type");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private ChatCompletionMessageFunctionToolCall(Struct struct) {
        super(struct);
    }

    public static Builder builder() {
        return new Builder(Struct.builder());
    }

    public String id() {
        return struct().string("id");
    }

    public Function function() {
        return struct().model("function", Function.class);
    }

    public JsonValue _type() {
        return struct().get("type");
    }

    public Map<String, JsonValue> _additionalProperties() {
        return additionalProperties(KNOWN);
    }

    /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
    public ChatCompletionMessageFunctionToolCall validate() {
        id();
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

        public Builder id(String id) {
            fields.put("id", id);
            return this;
        }

        public Builder function(Function function) {
            fields.put("function", function);
            return this;
        }

        public Builder type(JsonValue value) {
            fields.put("type", value);
            return this;
        }

        /** Throws IllegalStateException naming the first required field not set. */
        public ChatCompletionMessageFunctionToolCall build() {
            return new ChatCompletionMessageFunctionToolCall(fields.build(FIELDS, "id", "function"));
        }
    }

    /** The function called and its arguments, a JSON string. */
    public static final class Function extends JsonModel {
        private static final List<String> FIELDS = List.of("arguments", "name");
        private static final Set<String> KNOWN = Set.copyOf(FIELDS);

        private Function(Struct struct) {
            super(struct);
        }

        public static Builder builder() {
            return new Builder(Struct.builder());
        }

        public String arguments() {
            return struct().string("arguments");
        }

        public String name() {
            return struct().string("name");
        }

        public Map<String, JsonValue> _additionalProperties() {
            return additionalProperties(KNOWN);
        }

        /** The arguments parsed into {@code type}; OpenAIInvalidDataException when they do not fit. */
        public <T> T arguments(Class<T> type) {
            return JsonBinding.fromJson(JsonValueAdapter.parse(arguments()), type);
        }

        /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
        public Function validate() {
            arguments();
            name();
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
            }

            public Builder arguments(String arguments) {
                fields.put("arguments", arguments);
                return this;
            }

            public Builder name(String name) {
                fields.put("name", name);
                return this;
            }

            /** Throws IllegalStateException naming the first required field not set. */
            public Function build() {
                return new Function(fields.build(FIELDS, "arguments", "name"));
            }
        }
    }
}
