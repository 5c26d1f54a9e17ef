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

/** Answers that follow a JSON Schema. */
public final class ResponseFormatJsonSchema extends JsonModel {
    private static final List<String> FIELDS = List.of("json_schema", "type");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private ResponseFormatJsonSchema(Struct struct) {
        super(struct);
    }

    public static Builder builder() {
        return new Builder(Struct.builder());
    }

    public JsonSchema jsonSchema() {
        return struct().model("json_schema", JsonSchema.class);
    }

    public JsonValue _type() {
        return struct().get("type");
    }

    public Map<String, JsonValue> _additionalProperties() {
        return additionalProperties(KNOWN);
    }

    /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
    public ResponseFormatJsonSchema validate() {
        Validation.validate(jsonSchema());
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
            if (!fields.has("type")) fields.put("type", JsonValue.from("json_schema"));
        }

        public Builder jsonSchema(JsonSchema jsonSchema) {
            fields.put("json_schema", jsonSchema);
            return this;
        }

        public Builder type(JsonValue value) {
            fields.put("type", value);
            return this;
        }

        /** Throws IllegalStateException naming the first required field not set. */
        public ResponseFormatJsonSchema build() {
            return new ResponseFormatJsonSchema(fields.build(FIELDS, "json_schema"));
        }
    }

    /** The schema and its name. */
    public static final class JsonSchema extends JsonModel {
        private static final List<String> FIELDS = List.of("name", "description", "schema", "strict");
        private static final Set<String> KNOWN = Set.copyOf(FIELDS);

        private JsonSchema(Struct struct) {
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

        public Optional<Schema> schema() {
            return struct().optionalModel("schema", Schema.class);
        }

        public Optional<Boolean> strict() {
            return struct().optionalBool("strict");
        }

        public Map<String, JsonValue> _additionalProperties() {
            return additionalProperties(KNOWN);
        }

        /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
        public JsonSchema validate() {
            name();
            description();
            schema().ifPresent(Validation::validate);
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

            public Builder schema(Schema schema) {
                fields.put("schema", schema);
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
            public JsonSchema build() {
                return new JsonSchema(fields.build(FIELDS, "name"));
            }
        }

        /** The JSON Schema itself, given property by property with putAdditionalProperty. */
        public static final class Schema extends JsonModel {
            private static final List<String> FIELDS = List.of();
            private static final Set<String> KNOWN = Set.copyOf(FIELDS);

            private Schema(Struct struct) {
                super(struct);
            }

            public static Builder builder() {
                return new Builder(Struct.builder());
            }

            public Map<String, JsonValue> _additionalProperties() {
                return additionalProperties(KNOWN);
            }

            /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
            public Schema validate() {
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
                public Schema build() {
                    return new Schema(fields.build(FIELDS));
                }
            }
        }
    }
}
