package dev.switchboard.models.chat.completions;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonModel;
import dev.switchboard.core.internal.ModelBuilder;
import dev.switchboard.core.internal.Struct;
import dev.switchboard.core.internal.Validation;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Forces a call of the named function. */
public final class ChatCompletionNamedToolChoice extends JsonModel {
    private static final List<String> FIELDS = List.of("function", "type");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private ChatCompletionNamedToolChoice(Struct struct) {
        super(struct);
    }

    public static Builder builder() {
        return new Builder(Struct.builder());
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
    public ChatCompletionNamedToolChoice validate() {
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

        public Builder function(Function function) {
            fields.put("function", function);
            return this;
        }

        public Builder type(JsonValue value) {
            fields.put("type", value);
            return this;
        }

        /** Throws IllegalStateException naming the first required field not set. */
        public ChatCompletionNamedToolChoice build() {
            return new ChatCompletionNamedToolChoice(fields.build(FIELDS, "function"));
        }
    }

    public static final class Function extends JsonModel {
        private static final List<String> FIELDS = List.of("name");
        private static final Set<String> KNOWN = Set.copyOf(FIELDS);

        private Function(Struct struct) {
            super(struct);
        }

        public static Builder builder() {
            return new Builder(Struct.builder());
        }

        public String name() {
            return struct().string("name");
        }

        public Map<String, JsonValue> _additionalProperties() {
            return additionalProperties(KNOWN);
        }

        /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
        public Function validate() {
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

            public Builder name(String name) {
                fields.put("name", name);
                return this;
            }

            /** Throws IllegalStateException naming the first required field not set. */
            public Function build() {
                return new Function(fields.build(FIELDS, "name"));
            }
        }
    }
}
