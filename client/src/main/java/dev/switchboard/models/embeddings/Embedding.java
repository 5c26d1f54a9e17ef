package dev.switchboard.models.embeddings;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonModel;
import dev.switchboard.core.internal.ModelBuilder;
import dev.switchboard.core.internal.Struct;
import dev.switchboard.core.internal.Validation;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One embedding vector and the index of its input. */
public final class Embedding extends JsonModel {
    private static final List<String> FIELDS = List.of("embedding", "index", "object");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private Embedding(Struct struct) {
        super(struct);
    }

    public static Builder builder() {
        return new Builder(Struct.builder());
    }

    /** The vector as floats, whether the JSON holds floats or base64. */
    public List<Float> embedding() {
        return embeddingValue().asFloats();
    }

    /** The vector as the JSON holds it: floats, or base64 for a vector built with {@link Builder#embedding(String)}. */
    public EmbeddingValue embeddingValue() {
        return struct().model("embedding", EmbeddingValue.class);
    }

    public long index() {
        return struct().integer("index");
    }

    public JsonValue _object_() {
        return struct().get("object");
    }

    public Map<String, JsonValue> _additionalProperties() {
        return additionalProperties(KNOWN);
    }

    /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
    public Embedding validate() {
        embeddingValue().validate();
        index();
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
            if (!fields.has("object")) fields.put("object", JsonValue.from("embedding"));
        }

        public Builder embedding(EmbeddingValue embedding) {
            fields.put("embedding", embedding);
            return this;
        }

        public Builder embedding(List<Float> floats) {
            return embedding(EmbeddingValue.ofFloats(floats));
        }

        /** The vector as base64 of little-endian float32 values. */
        public Builder embedding(String base64) {
            return embedding(EmbeddingValue.ofBase64(base64));
        }

        /** Appends to a vector of floats. */
        public Builder addEmbedding(float element) {
            fields.add("embedding", element);
            return this;
        }

        public Builder index(long index) {
            fields.put("index", index);
            return this;
        }

        public Builder object_(JsonValue value) {
            fields.put("object", value);
            return this;
        }

        /** Throws IllegalStateException naming the first required field not set. */
        public Embedding build() {
            return new Embedding(fields.build(FIELDS, "embedding", "index"));
        }
    }
}
