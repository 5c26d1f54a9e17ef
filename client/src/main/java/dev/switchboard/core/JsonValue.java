package dev.switchboard.core;

import dev.switchboard.core.internal.JsonBinding;
import java.util.List;
import java.util.Map;

/**
 * Any JSON value: {@link JsonMissing}, {@link JsonNull}, {@link JsonBoolean}, {@link JsonNumber},
 * {@link JsonString}, {@link JsonArray} or {@link JsonObject}. Immutable.
 */
@SuppressWarnings("rawtypes")
public abstract class JsonValue extends JsonField {

    JsonValue() {}

    /**
     * Converts a Java value to JSON: null, booleans, numbers, strings, lists, arrays, maps, Optional,
     * other JSON values, Switchboard models, and any record or plain class (through Moshi).
     */
    public static JsonValue from(Object value) {
        return JsonBinding.toJson(value);
    }

    /**
     * Converts this JSON to {@code type}: a Switchboard model, a record or plain class, a String,
     * a boxed primitive, a List or Map. Returns null for JSON null and missing values.
     */
    public final <R> R convert(Class<R> type) {
        return JsonBinding.fromJson(this, type);
    }

    public final <R> R accept(Visitor<R> visitor) {
        if (this instanceof JsonMissing) return visitor.visitMissing();
        if (this instanceof JsonNull) return visitor.visitNull();
        if (this instanceof JsonBoolean) return visitor.visitBoolean(((JsonBoolean) this).value());
        if (this instanceof JsonNumber) return visitor.visitNumber(((JsonNumber) this).value());
        if (this instanceof JsonString) return visitor.visitString(((JsonString) this).value());
        if (this instanceof JsonArray) return visitor.visitArray(((JsonArray) this).values());
        return visitor.visitObject(((JsonObject) this).values());
    }

    /** Visits the concrete kind of a value; unhandled kinds fall to {@link #visitDefault()}. */
    public interface Visitor<R> {
        default R visitNull() {
            return visitDefault();
        }

        default R visitMissing() {
            return visitDefault();
        }

        default R visitBoolean(boolean value) {
            return visitDefault();
        }

        default R visitNumber(Number value) {
            return visitDefault();
        }

        default R visitString(String value) {
            return visitDefault();
        }

        default R visitArray(List<JsonValue> values) {
            return visitDefault();
        }

        default R visitObject(Map<String, JsonValue> values) {
            return visitDefault();
        }

        default R visitDefault() {
            throw new IllegalArgumentException("Unexpected value");
        }
    }
}
