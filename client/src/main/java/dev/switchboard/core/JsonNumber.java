package dev.switchboard.core;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A JSON number. Numbers read from the wire are a Long when they are integers that fit, a
 * BigInteger when they are larger, otherwise a Double; equality compares numeric values.
 */
public final class JsonNumber extends JsonValue {
    private final Number value;

    private JsonNumber(Number value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static JsonNumber of(Number value) {
        return new JsonNumber(value);
    }

    public Number value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof JsonNumber)) return false;
        Number other = ((JsonNumber) o).value;
        if (value.equals(other)) return true;
        return decimal(value).compareTo(decimal(other)) == 0;
    }

    @Override
    public int hashCode() {
        double d = value.doubleValue();
        return d == Math.rint(d) && !Double.isInfinite(d) ? Long.hashCode((long) d) : Double.hashCode(d);
    }

    @Override
    public String toString() {
        return value.toString();
    }

    private static BigDecimal decimal(Number n) {
        try {
            return new BigDecimal(n.toString());
        } catch (NumberFormatException e) {
            return BigDecimal.valueOf(n.doubleValue());
        }
    }
}
