package dev.switchboard.core;

import dev.switchboard.errors.OpenAIInvalidDataException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A field of a model as it came over the wire: a {@link KnownValue} of the expected type, or a raw
 * {@link JsonValue} (missing, null, or of an unexpected shape) that is kept rather than rejected.
 */
public abstract class JsonField<T> {

    JsonField() {}

    public static <T> JsonField<T> of(T value) {
        return KnownValue.of(value);
    }

    @SuppressWarnings("unchecked")
    public static <T> JsonField<T> ofNullable(T value) {
        return value == null ? (JsonField<T>) (JsonField<?>) JsonNull.of() : KnownValue.of(value);
    }

    public final boolean isMissing() {
        return this instanceof JsonMissing;
    }

    public final boolean isNull() {
        return this instanceof JsonNull;
    }

    /** The value when it is of the expected type. */
    @SuppressWarnings("unchecked")
    public final Optional<T> asKnown() {
        return this instanceof KnownValue ? Optional.of(((KnownValue<T>) this).value()) : Optional.empty();
    }

    /** The raw JSON when the value is not of the expected type (or is missing or null). */
    public final Optional<JsonValue> asUnknown() {
        return this instanceof JsonValue ? Optional.of((JsonValue) this) : Optional.empty();
    }

    public final Optional<Boolean> asBoolean() {
        Object v = scalar();
        if (v instanceof Boolean) return Optional.of((Boolean) v);
        return Optional.empty();
    }

    public final Optional<Number> asNumber() {
        Object v = scalar();
        if (v instanceof Number) return Optional.of((Number) v);
        return Optional.empty();
    }

    public final Optional<String> asString() {
        Object v = scalar();
        if (v instanceof String) return Optional.of((String) v);
        return Optional.empty();
    }

    public final String asStringOrThrow() {
        return asString().orElseThrow(() -> new OpenAIInvalidDataException("Value is not a string"));
    }

    @SuppressWarnings("unchecked")
    public final Optional<List<JsonValue>> asArray() {
        if (this instanceof JsonArray) return Optional.of(((JsonArray) this).values());
        if (this instanceof KnownValue && ((KnownValue<?>) this).value() instanceof List) {
            return Optional.of(((JsonArray) JsonValue.from(((KnownValue<?>) this).value())).values());
        }
        return Optional.empty();
    }

    public final Optional<Map<String, JsonValue>> asObject() {
        if (this instanceof JsonObject) return Optional.of(((JsonObject) this).values());
        if (this instanceof KnownValue && ((KnownValue<?>) this).value() instanceof Map) {
            return Optional.of(((JsonObject) JsonValue.from(((KnownValue<?>) this).value())).values());
        }
        return Optional.empty();
    }

    private Object scalar() {
        if (this instanceof KnownValue) return ((KnownValue<?>) this).value();
        if (this instanceof JsonString) return ((JsonString) this).value();
        if (this instanceof JsonNumber) return ((JsonNumber) this).value();
        if (this instanceof JsonBoolean) return ((JsonBoolean) this).value();
        return null;
    }
}
