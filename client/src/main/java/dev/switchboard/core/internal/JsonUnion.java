package dev.switchboard.core.internal;

import dev.switchboard.core.JsonArray;
import dev.switchboard.core.JsonNumber;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonString;
import dev.switchboard.core.JsonValue;
import dev.switchboard.errors.OpenAIInvalidDataException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The base of every union ("one of") type: the JSON as sent, with the variant decided by its shape
 * when asked ({@code isX()}, {@code asX()}, {@code x()}, {@code accept(visitor)}).
 */
public abstract class JsonUnion {
    final JsonValue json;

    protected JsonUnion(JsonValue json) {
        this.json = json;
    }

    protected final JsonValue json() {
        return json;
    }

    protected final boolean holdsString() {
        return json instanceof JsonString;
    }

    protected final boolean holdsArray() {
        return json instanceof JsonArray;
    }

    protected final boolean holdsObject() {
        return json instanceof JsonObject;
    }

    /** Whether the JSON is an object whose {@code field} is the string {@code value}. */
    protected final boolean holdsObjectWith(String field, String value) {
        if (!(json instanceof JsonObject)) return false;
        JsonValue v = ((JsonObject) json).values().get(field);
        return v instanceof JsonString && ((JsonString) v).value().equals(value);
    }

    /** Whether the JSON is an array whose elements are all strings (an empty array counts). */
    protected final boolean holdsStrings() {
        if (!(json instanceof JsonArray)) return false;
        for (JsonValue v : ((JsonArray) json).values()) if (!(v instanceof JsonString)) return false;
        return true;
    }

    /** Whether the JSON is an array of numbers (an empty array counts). */
    protected final boolean holdsNumbers() {
        if (!(json instanceof JsonArray)) return false;
        for (JsonValue v : ((JsonArray) json).values()) if (!(v instanceof JsonNumber)) return false;
        return true;
    }

    /** Whether the JSON is an array of arrays (an empty array counts). */
    protected final boolean holdsArrays() {
        if (!(json instanceof JsonArray)) return false;
        for (JsonValue v : ((JsonArray) json).values()) if (!(v instanceof JsonArray)) return false;
        return true;
    }

    /** Whether the JSON is an object that has {@code field}. */
    protected final boolean holdsObjectWithField(String field) {
        return json instanceof JsonObject && ((JsonObject) json).values().containsKey(field);
    }

    protected final String jsonString(String variant) {
        if (json instanceof JsonString) return ((JsonString) json).value();
        throw notVariant(variant);
    }

    protected final <T> T convert(Class<T> type, String variant) {
        if (JsonModel.class.isAssignableFrom(type) && !(json instanceof JsonObject)) throw notVariant(variant);
        return JsonBinding.fromJson(json, type);
    }

    protected final <T> List<T> convertList(Class<T> type, String variant) {
        if (!(json instanceof JsonArray)) throw notVariant(variant);
        List<T> out = new ArrayList<>();
        for (JsonValue v : ((JsonArray) json).values()) out.add(JsonBinding.fromJson(v, type));
        return Collections.unmodifiableList(out);
    }

    protected final <T> List<List<T>> convertNestedList(Class<T> type, String variant) {
        if (!holdsArrays()) throw notVariant(variant);
        List<List<T>> out = new ArrayList<>();
        for (JsonValue inner : ((JsonArray) json).values()) {
            List<T> row = new ArrayList<>();
            for (JsonValue v : ((JsonArray) inner).values()) row.add(JsonBinding.fromJson(v, type));
            out.add(Collections.unmodifiableList(row));
        }
        return Collections.unmodifiableList(out);
    }

    protected final OpenAIInvalidDataException notVariant(String variant) {
        return new OpenAIInvalidDataException(
                getClass().getSimpleName() + " is not " + variant + ": " + JsonValueAdapter.toJsonString(json));
    }

    protected final OpenAIInvalidDataException unknownVariant() {
        return new OpenAIInvalidDataException(
                "Unknown " + getClass().getSimpleName() + ": " + JsonValueAdapter.toJsonString(json));
    }

    /** The raw JSON, as the official SDK's {@code _json()} gives it for unions. */
    public final java.util.Optional<JsonValue> _json() {
        return java.util.Optional.of(json);
    }

    /** Checks the JSON against the official schema; throws OpenAIInvalidDataException naming what is wrong. */
    public abstract JsonUnion validate();

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((JsonUnion) o).json.equals(json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + json + "}";
    }
}
