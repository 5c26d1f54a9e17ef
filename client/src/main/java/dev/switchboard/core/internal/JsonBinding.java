package dev.switchboard.core.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.switchboard.core.JsonArray;
import dev.switchboard.core.JsonBoolean;
import dev.switchboard.core.JsonField;
import dev.switchboard.core.JsonMissing;
import dev.switchboard.core.JsonNull;
import dev.switchboard.core.JsonNumber;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonString;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.KnownValue;
import dev.switchboard.errors.OpenAIInvalidDataException;
import java.lang.reflect.Array;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converts between Java values and {@link JsonValue} trees: Switchboard models directly, user
 * records and classes through Moshi. One shared, immutable Moshi holds every adapter.
 */
public final class JsonBinding {
    /** Moshi with Switchboard's adapters ahead of the built-in ones. */
    public static final Moshi MOSHI = new Moshi.Builder()
            .add(JsonValue.class, JsonValueAdapter.INSTANCE)
            .add(new ModelAdapterFactory())
            .add(new OptionalAdapterFactory())
            .add(new UserTypeAdapterFactory())
            .build();

    private JsonBinding() {}

    public static JsonValue toJson(Object value) {
        if (value == null) return JsonNull.of();
        if (value instanceof JsonValue) return (JsonValue) value;
        if (value instanceof KnownValue) return toJson(((KnownValue<?>) value).value());
        if (value instanceof String) return JsonString.of((String) value);
        if (value instanceof Number) return JsonNumber.of((Number) value);
        if (value instanceof Boolean) return JsonBoolean.of(((Boolean) value).booleanValue());
        if (value instanceof Character) return JsonString.of(value.toString());
        if (value instanceof Optional) return toJson(((Optional<?>) value).orElse(null));
        if (value instanceof Map) {
            Map<String, JsonValue> out = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((k, v) -> out.put(String.valueOf(k), toJson(v)));
            return JsonObject.of(out);
        }
        if (value instanceof Iterable) {
            List<JsonValue> out = new ArrayList<>();
            for (Object element : (Iterable<?>) value) out.add(toJson(element));
            return JsonArray.of(out);
        }
        if (value.getClass().isArray()) {
            List<JsonValue> out = new ArrayList<>();
            for (int i = 0, n = Array.getLength(value); i < n; i++) out.add(toJson(Array.get(value, i)));
            return JsonArray.of(out);
        }
        if (ModelClass.isModel(value)) return ModelClass.unwrap(value);
        if (value instanceof Enum) return JsonString.of(ClassProperties.constantName((Enum<?>) value));
        @SuppressWarnings("unchecked")
        JsonAdapter<Object> adapter = (JsonAdapter<Object>) MOSHI.adapter(value.getClass());
        return toJson(adapter.serializeNulls().toJsonValue(value));
    }

    /** Converts JSON to {@code type}; JSON null and missing give null. */
    public static <T> T fromJson(JsonValue json, Class<T> type) {
        return fromJson(json, (Type) type);
    }

    @SuppressWarnings("unchecked")
    public static <T> T fromJson(JsonValue json, Type type) {
        if (type instanceof Class) {
            Class<?> raw = (Class<?>) type;
            if (raw.isInstance(json) && JsonValue.class.isAssignableFrom(raw)) return (T) json;
            ModelClass<?> model = ModelClass.of(raw);
            if (model != null) {
                if (json instanceof JsonMissing || json instanceof JsonNull) return null;
                return (T) model.wrap(json);
            }
        }
        if (json instanceof JsonMissing) return null;
        JsonAdapter<Object> adapter = MOSHI.adapter(type);
        try {
            return (T) adapter.fromJsonValue(toPlain(json));
        } catch (RuntimeException e) {
            throw new OpenAIInvalidDataException(
                    "Cannot convert JSON to " + Types.getRawType(type).getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** The tree as Moshi's plain values: Map, List, String, Number, Boolean, null. */
    static Object toPlain(JsonField<?> json) {
        if (json instanceof JsonObject) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((JsonObject) json).values().forEach((k, v) -> out.put(k, toPlain(v)));
            return out;
        }
        if (json instanceof JsonArray) {
            List<Object> out = new ArrayList<>();
            for (JsonValue v : ((JsonArray) json).values()) out.add(toPlain(v));
            return out;
        }
        if (json instanceof JsonString) return ((JsonString) json).value();
        if (json instanceof JsonNumber) return ((JsonNumber) json).value();
        if (json instanceof JsonBoolean) return ((JsonBoolean) json).value();
        return null;
    }
}
