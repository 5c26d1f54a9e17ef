package dev.switchboard.core;

/** JSON {@code null}. */
public final class JsonNull extends JsonValue {
    private static final JsonNull INSTANCE = new JsonNull();

    private JsonNull() {}

    public static JsonNull of() {
        return INSTANCE;
    }

    @Override
    public String toString() {
        return "null";
    }
}
