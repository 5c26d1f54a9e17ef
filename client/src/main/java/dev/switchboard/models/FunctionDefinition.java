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

/** A function the model may call: name, description and JSON Schema of its parameters. */
public final class FunctionDefinition extends JsonModel {
    private static final List<String> FIELDS = List.of("name", "description", "parameters", "strict");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private FunctionDefinition(Struct struct) {
        super(struct);
    }

    public static Builder builder() {
        return new Builder(Struct.builder());
    }

    public String name() {
        return struct().string("name");
    }

    public Optional<String> description() {
        return struct().optionalString("description");
    }

    public Optional<FunctionParameters> parameters() {
        return struct().optionalModel("parameters", FunctionParameters.class);
    }

    public Optional<Boolean> strict() {
        return struct().optionalBool("strict");
    }

    public Map<String, JsonValue> _additionalProperties() {
        return additionalProperties(KNOWN);
    }

    /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
    public FunctionDefinition validate() {
        name();
        description();
        parameters().ifPresent(Validation::validate);
        strict();
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

        public Builder description(String description) {
            fields.put("description", description);
            return this;
        }

        public Builder parameters(FunctionParameters parameters) {
            fields.put("parameters", parameters);
            return this;
        }

        public Builder strict(boolean strict) {
            fields.put("strict", strict);
            return this;
        }

        public Builder strict(Boolean strict) {
            fields.put("strict", strict);
            return this;
        }

        public Builder strict(Optional<Boolean> strict) {
            return strict(strict.orElse(null));
        }

        /** Throws IllegalStateException naming the first required field not set. */
        public FunctionDefinition build() {
            return new FunctionDefinition(fields.build(FIELDS, "name"));
        }
    }
}
