package dev.switchboard.core;

import java.util.Objects;

/** A JSON string. */
public final class JsonString extends JsonValue {
    private final String value;

    private JsonString(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static JsonString of(String value) {
        return new JsonString(value);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonString && ((JsonString) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
