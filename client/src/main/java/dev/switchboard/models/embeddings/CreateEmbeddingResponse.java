package dev.switchboard.models.embeddings;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonModel;
import dev.switchboard.core.internal.ModelBuilder;
import dev.switchboard.core.internal.Struct;
import dev.switchboard.core.internal.Validation;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The embeddings of a request, in the order of its inputs. */
public final class CreateEmbeddingResponse extends JsonModel {
    private static final List<String> FIELDS = List.of("data", "model", "object", "usage");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private CreateEmbeddingResponse(Struct struct) {
        super(struct);
    }

    public static Builder builder() {
        return new Builder(Struct.builder());
    }

    public List<Embedding> data() {
        return struct().models("data", Embedding.class);
    }

    public String model() {
        return struct().string("model");
    }

    public JsonValue _object_() {
        return struct().get("object");
    }

    /**
     * The tokens the request used. Some servers (early llama.cpp, some proxies) report none: then
     * this throws OpenAIInvalidDataException ("`usage` is not present") rather than give counts the
     * server never sent.
     */
    public Usage usage() {
        return struct().model("usage", Usage.class);
    }

    public Map<String, JsonValue> _additionalProperties() {
        return additionalProperties(KNOWN);
    }

    /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
    public CreateEmbeddingResponse validate() {
        data().forEach(Validation::validate);
        model();
        Validation.validate(usage());
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
            if (!fields.has("object")) fields.put("object", JsonValue.from("list"));
        }

        public Builder data(List<Embedding> data) {
            fields.put("data", data);
            return this;
        }

        public Builder addData(Embedding element) {
            fields.add("data", element);
            return this;
        }

        public Builder model(String model) {
            fields.put("model", model);
            return this;
        }

        public Builder object_(JsonValue value) {
            fields.put("object", value);
            return this;
        }

        public Builder usage(Usage usage) {
            fields.put("usage", usage);
            return this;
        }

        /** Throws IllegalStateException naming the first required field not set. */
        public CreateEmbeddingResponse build() {
            return new CreateEmbeddingResponse(fields.build(FIELDS, "data", "model", "usage"));
        }
    }

    public static final class Usage extends JsonModel {
        private static final List<String> FIELDS = List.of("prompt_tokens", "total_tokens");
        private static final Set<String> KNOWN = Set.copyOf(FIELDS);

        private Usage(Struct struct) {
            super(struct);
        }

        public static Builder builder() {
            return new Builder(Struct.builder());
        }

        public long promptTokens() {
            return struct().integer("prompt_tokens");
        }

        public long totalTokens() {
            return struct().integer("total_tokens");
        }

        public Map<String, JsonValue> _additionalProperties() {
            return additionalProperties(KNOWN);
        }

        /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
        public Usage validate() {
            promptTokens();
            totalTokens();
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

            public Builder promptTokens(long promptTokens) {
                fields.put("prompt_tokens", promptTokens);
                return this;
            }

            public Builder totalTokens(long totalTokens) {
                fields.put("total_tokens", totalTokens);
                return this;
            }

            /** Throws IllegalStateException naming the first required field not set. */
            public Usage build() {
                return new Usage(fields.build(FIELDS, "prompt_tokens", "total_tokens"));
            }
        }
    }
}
