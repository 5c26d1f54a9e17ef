package dev.switchboard.models.models;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonModel;
import dev.switchboard.core.internal.ModelBuilder;
import dev.switchboard.core.internal.Struct;
import dev.switchboard.core.internal.Validation;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A model the endpoint serves, or a pool of the router. */
public final class Model extends JsonModel {
    private static final List<String> FIELDS = List.of("id", "created", "object", "owned_by");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private Model(Struct struct) {
        super(struct);
    }

    public static Builder builder() {
        return new Builder(Struct.builder());
    }

    public String id() {
        return struct().string("id");
    }

    public long created() {
        return struct().integer("created");
    }

    public JsonValue _object_() {
        return struct().get("object");
    }

    public String ownedBy() {
        return struct().string("owned_by");
    }

    public Map<String, JsonValue> _additionalProperties() {
        return additionalProperties(KNOWN);
    }

    /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
    public Model validate() {
        id();
        created();
        ownedBy();
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
            if (!fields.has("object")) fields.put("object", JsonValue.from("model"));
        }

        public Builder id(String id) {
            fields.put("id", id);
            return this;
        }

        public Builder created(long created) {
            fields.put("created", created);
            return this;
        }

        public Builder object_(JsonValue value) {
            fields.put("object", value);
            return this;
        }

        public Builder ownedBy(String ownedBy) {
            fields.put("owned_by", ownedBy);
            return this;
        }

        /** Throws IllegalStateException naming the first required field not set. */
        public Model build() {
            return new Model(fields.build(FIELDS, "id", "created", "owned_by"));
        }
    }
}
