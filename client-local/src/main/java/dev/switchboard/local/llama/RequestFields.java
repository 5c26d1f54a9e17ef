package dev.switchboard.local.llama;

import dev.switchboard.backend.BackendErrors;
import dev.switchboard.core.JsonArray;
import dev.switchboard.core.JsonBoolean;
import dev.switchboard.core.JsonMissing;
import dev.switchboard.core.JsonNull;
import dev.switchboard.core.JsonNumber;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonString;
import dev.switchboard.core.JsonValue;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Typed, range-checked reads of a request body's fields. Every number that reaches llama.cpp passes
 * here first: the binding writes floats into JSON as Java prints them, so a NaN or an infinity would
 * make the native JSON parser throw and abort the JVM.
 */
final class RequestFields {
    private final Map<String, JsonValue> body;

    RequestFields(JsonObject body) {
        this.body = body.values();
    }

    boolean has(String name) {
        JsonValue v = body.get(name);
        return v != null && !(v instanceof JsonMissing) && !(v instanceof JsonNull);
    }

    JsonValue get(String name) {
        return has(name) ? body.get(name) : null;
    }

    /** A finite number within [min, max], when present. */
    Optional<Double> number(String name, double min, double max) {
        if (!has(name)) return Optional.empty();
        return Optional.of(number(body.get(name), name, min, max));
    }

    static double number(JsonValue value, String name, double min, double max) {
        if (!(value instanceof JsonNumber)) throw BackendErrors.badRequest(name, name + " must be a number, was " + value);
        double d = ((JsonNumber) value).value().doubleValue();
        if (!Double.isFinite(d) || d < min || d > max) {
            throw BackendErrors.badRequest(name, name + " must be between " + plain(min) + " and " + plain(max) + ", was " + value);
        }
        return d;
    }

    /** A whole number within [min, max], when present. */
    Optional<Long> whole(String name, long min, long max) {
        if (!has(name)) return Optional.empty();
        return Optional.of(whole(body.get(name), name, min, max));
    }

    static long whole(JsonValue value, String name, long min, long max) {
        Long n = null;
        if (value instanceof JsonNumber) {
            try {
                BigDecimal d = new BigDecimal(((JsonNumber) value).value().toString());
                if (d.stripTrailingZeros().scale() <= 0) n = d.longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                n = null;
            }
        }
        if (n == null) throw BackendErrors.badRequest(name, name + " must be a whole number, was " + value);
        if (n < min || n > max) {
            throw BackendErrors.badRequest(name, name + " must be between " + min + " and " + max + ", was " + n);
        }
        return n;
    }

    Optional<Boolean> bool(String name) {
        if (!has(name)) return Optional.empty();
        JsonValue v = body.get(name);
        if (!(v instanceof JsonBoolean)) throw BackendErrors.badRequest(name, name + " must be true or false, was " + v);
        return Optional.of(((JsonBoolean) v).value());
    }

    Optional<String> string(String name) {
        if (!has(name)) return Optional.empty();
        JsonValue v = body.get(name);
        if (!(v instanceof JsonString)) throw BackendErrors.badRequest(name, name + " must be a string, was " + v);
        return Optional.of(((JsonString) v).value());
    }

    Optional<JsonObject> object(String name) {
        if (!has(name)) return Optional.empty();
        JsonValue v = body.get(name);
        if (!(v instanceof JsonObject)) throw BackendErrors.badRequest(name, name + " must be an object, was " + v);
        return Optional.of((JsonObject) v);
    }

    Optional<JsonArray> array(String name) {
        if (!has(name)) return Optional.empty();
        JsonValue v = body.get(name);
        if (!(v instanceof JsonArray)) throw BackendErrors.badRequest(name, name + " must be an array, was " + v);
        return Optional.of((JsonArray) v);
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
