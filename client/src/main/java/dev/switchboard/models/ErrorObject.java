package dev.switchboard.models;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonModel;
import dev.switchboard.core.internal.ModelBuilder;
import dev.switchboard.core.internal.Struct;
import dev.switchboard.core.internal.Validation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The error object of an error response: message, type, param, code. */
public final class ErrorObject extends JsonModel {
    private static final List<String> FIELDS = List.of("code", "message", "param", "type");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private ErrorObject(Struct struct) {
        super(struct);
    }

    public static Builder builder() {
        return new Builder(Struct.builder());
    }

    public Optional<String> code() {
        return struct().optionalString("code");
    }

    public String message() {
        return struct().string("message");
    }

    public Optional<String> param() {
        return struct().optionalString("param");
    }

    public String type() {
        return struct().string("type");
    }

    public Map<String, JsonValue> _additionalProperties() {
        return additionalProperties(KNOWN);
    }

    /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
    public ErrorObject validate() {
        code();
        message();
        param();
        type();
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

        public Builder code(String code) {
            fields.put("code", code);
            return this;
        }

        public Builder code(Optional<String> code) {
            return code(code.orElse(null));
        }

        public Builder message(String message) {
            fields.put("message", message);
            return this;
        }

        public Builder param(String param) {
            fields.put("param", param);
            return this;
        }

        public Builder param(Optional<String> param) {
            return param(param.orElse(null));
        }

        public Builder type(String type) {
            fields.put("type", type);
            return this;
        }

        /** Throws IllegalStateException naming the first required field not set. */
        public ErrorObject build() {
            return new ErrorObject(fields.build(FIELDS, "message", "type"));
        }
    }
}
