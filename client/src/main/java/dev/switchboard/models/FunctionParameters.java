package dev.switchboard.models;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonModel;
import dev.switchboard.core.internal.ModelBuilder;
import dev.switchboard.core.internal.Struct;
import dev.switchboard.core.internal.Validation;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A function's parameters as a JSON Schema object, given property by property with putAdditionalProperty. */
public final class FunctionParameters extends JsonModel {
    private static final List<String> FIELDS = List.of();
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private FunctionParameters(Struct struct) {
        super(struct);
    }

    public static Builder builder() {
        return new Builder(Struct.builder());
    }

    public Map<String, JsonValue> _additionalProperties() {
        return additionalProperties(KNOWN);
    }

    /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
    public FunctionParameters validate() {
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

        /** Throws IllegalStateException naming the first required field not set. */
        public FunctionParameters build() {
            return new FunctionParameters(fields.build(FIELDS));
        }
    }
}
