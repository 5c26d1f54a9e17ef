package dev.switchboard.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON object; its entries are immutable and keep their order. */
public final class JsonObject extends JsonValue {
    private static final JsonObject EMPTY = new JsonObject(Collections.emptyMap());

    private final Map<String, JsonValue> values;

    private JsonObject(Map<String, JsonValue> values) {
        this.values = values;
    }

    public static JsonObject of(Map<String, ? extends JsonValue> values) {
        if (values.isEmpty()) return EMPTY;
        Map<String, JsonValue> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, v == null ? JsonNull.of() : v));
        return new JsonObject(Collections.unmodifiableMap(copy));
    }

    public Map<String, JsonValue> values() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonObject && ((JsonObject) o).values.equals(values);
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
