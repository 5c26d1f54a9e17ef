package dev.switchboard.core.internal;

import dev.switchboard.core.Enum;
import dev.switchboard.core.JsonField;
import dev.switchboard.core.JsonString;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.KnownValue;
import dev.switchboard.errors.OpenAIInvalidDataException;
import java.util.Locale;

/**
 * The base of every enum class: one string value, known or not. {@code known()} maps it to the
 * subclass's Known constants; {@code value()} to its Value constants, with {@code _UNKNOWN} for
 * values this version does not know.
 */
public abstract class StringEnum implements Enum {
    final JsonValue json;

    protected StringEnum(JsonValue json) {
        this.json = json;
    }

    public final JsonField<String> _value() {
        return json instanceof JsonString ? KnownValue.of(((JsonString) json).value()) : rawValue();
    }

    @SuppressWarnings("unchecked")
    private JsonField<String> rawValue() {
        return (JsonField<String>) (JsonField<?>) json;
    }

    /** The wire value. */
    public final String asString() {
        if (json instanceof JsonString) return ((JsonString) json).value();
        throw new OpenAIInvalidDataException("Value is not a String: " + json);
    }

    /** The constant of {@code known} whose name matches this value, or an exception naming the value. */
    protected final <K extends java.lang.Enum<K>> K known(Class<K> known) {
        K constant = lookup(known);
        if (constant == null) {
            throw new OpenAIInvalidDataException("Unknown " + getClass().getSimpleName() + ": " + json);
        }
        return constant;
    }

    /** The constant of {@code values} whose name matches this value, or its {@code _UNKNOWN}. */
    protected final <V extends java.lang.Enum<V>> V value(Class<V> values) {
        V constant = lookup(values);
        return constant != null ? constant : java.lang.Enum.valueOf(values, "_UNKNOWN");
    }

    private <E extends java.lang.Enum<E>> E lookup(Class<E> constants) {
        if (!(json instanceof JsonString)) return null;
        String name = constantName(((JsonString) json).value());
        try {
            return java.lang.Enum.valueOf(constants, name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** "gpt-4o-mini" → GPT_4O_MINI, "256x256" → _256X256, as the official constants are named. */
    static String constantName(String value) {
        String name = value.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        return !name.isEmpty() && Character.isDigit(name.charAt(0)) ? "_" + name : name;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((StringEnum) o).json.equals(json);
    }

    @Override
    public final int hashCode() {
        return json.hashCode();
    }

    @Override
    public final String toString() {
        return json.toString();
    }
}
