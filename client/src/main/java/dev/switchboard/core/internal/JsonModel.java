package dev.switchboard.core.internal;

import dev.switchboard.core.JsonValue;
import java.util.Map;
import java.util.Set;

/**
 * The base of every object model: an immutable view over its JSON object. Equality, hash code and
 * toString follow the JSON; subclasses add typed accessors and a builder.
 */
public abstract class JsonModel {
    final Struct struct;

    protected JsonModel(Struct struct) {
        this.struct = struct;
    }

    protected final Struct struct() {
        return struct;
    }

    /** The fields not named in {@code known}: what a server sent beyond the official schema. */
    protected final Map<String, JsonValue> additionalProperties(Set<String> known) {
        return struct.additionalProperties(known);
    }

    /** Checks the JSON against the official schema; throws OpenAIInvalidDataException naming what is wrong. */
    public abstract JsonModel validate();

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((JsonModel) o).struct.equals(struct);
    }

    @Override
    public int hashCode() {
        return struct.hashCode();
    }

    @Override
    public String toString() {
        return struct.toString(getClass().getSimpleName());
    }
}
