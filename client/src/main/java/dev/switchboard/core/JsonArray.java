package dev.switchboard.core;

import java.util.List;

/** A JSON array; its values are immutable. */
public final class JsonArray extends JsonValue {
    private final List<JsonValue> values;

    private JsonArray(List<JsonValue> values) {
        this.values = values;
    }

    public static JsonArray of(List<? extends JsonValue> values) {
        return new JsonArray(List.copyOf(values));
    }

    public List<JsonValue> values() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonArray && ((JsonArray) o).values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
