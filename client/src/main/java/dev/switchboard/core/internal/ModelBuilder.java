package dev.switchboard.core.internal;

import dev.switchboard.core.JsonValue;
import java.util.Map;
import java.util.Set;

/**
 * The base of every model builder: the fields being collected, and the additional properties (what
 * a model carries beyond the official schema) that every official builder offers the same way.
 */
public abstract class ModelBuilder<B extends ModelBuilder<B>> {
    protected final Struct.Builder fields;
    private final Set<String> known;

    /** {@code known} names the schema's fields, so that replacing additional properties keeps them. */
    protected ModelBuilder(Struct.Builder fields, Set<String> known) {
        this.fields = fields;
        this.known = known;
    }

    @SuppressWarnings("unchecked")
    protected final B self() {
        return (B) this;
    }

    /** Replaces every additional property with these. */
    public B additionalProperties(Map<String, ? extends JsonValue> additionalProperties) {
        fields.retainOnly(known).putAll(additionalProperties);
        return self();
    }

    public B putAdditionalProperty(String key, JsonValue value) {
        fields.put(key, value);
        return self();
    }

    public B putAllAdditionalProperties(Map<String, ? extends JsonValue> additionalProperties) {
        fields.putAll(additionalProperties);
        return self();
    }

    public B removeAdditionalProperty(String key) {
        fields.remove(key);
        return self();
    }

    public B removeAllAdditionalProperties(Set<String> keys) {
        keys.forEach(fields::remove);
        return self();
    }
}
