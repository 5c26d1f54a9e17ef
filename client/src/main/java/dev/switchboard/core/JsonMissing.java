package dev.switchboard.core;

/** The absence of a value: the field was not in the JSON, or has not been set. */
public final class JsonMissing extends JsonValue {
    private static final JsonMissing INSTANCE = new JsonMissing();

    private JsonMissing() {}

    public static JsonMissing of() {
        return INSTANCE;
    }

    @Override
    public String toString() {
        return "";
    }
}
