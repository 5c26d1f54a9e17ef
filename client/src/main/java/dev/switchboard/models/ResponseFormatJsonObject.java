package dev.switchboard.models;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonModel;
import dev.switchboard.core.internal.ModelBuilder;
import dev.switchboard.core.internal.Struct;
import dev.switchboard.core.internal.Validation;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Answers that are one JSON object. */
public final class ResponseFormatJsonObject extends JsonModel {
    private static final List<String> FIELDS = List.of("type");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private ResponseFormatJsonObject(Struct struct) {
        super(struct);
    }

    public static Builder builder() {
        return new Builder(Struct.builder());
    }

    public JsonValue _type() {
        return struct().get("type");
    }

    public Map<String, JsonValue> _additionalProperties() {
        return additionalProperties(KNOWN);
    }

    /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
    public ResponseFormatJsonObject validate() {
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
            if (!fields.has("type")) fields.put("type", JsonValue.from("json_object"));
        }

        public Builder type(JsonValue value) {
            fields.put("type", value);
            return this;
        }

        /** Throws IllegalStateException naming the first required field not set. */
        public ResponseFormatJsonObject build() {
            return new ResponseFormatJsonObject(fields.build(FIELDS));
        }
    }
}
