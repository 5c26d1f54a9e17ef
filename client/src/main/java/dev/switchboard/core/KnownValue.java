package dev.switchboard.core;

import java.util.Objects;

/** A {@link JsonField} holding a value of the expected type. */
public final class KnownValue<T> extends JsonField<T> {
    private final T value;

    private KnownValue(T value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static <T> KnownValue<T> of(T value) {
        return new KnownValue<>(value);
    }

    public T value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KnownValue && value.equals(((KnownValue<?>) o).value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
