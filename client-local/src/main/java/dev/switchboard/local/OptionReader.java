package dev.switchboard.local;

import dev.switchboard.router.Deployment;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A local deployment's engine options as its config wrote them, read for an engine's options class
 * with messages that name the deployment, the option and the value.
 */
final class OptionReader {
    private final String at;
    private final Map<String, Object> values;

    private OptionReader(String at, Map<String, Object> values) {
        this.at = at;
        this.values = values;
    }

    /** Throws IllegalArgumentException when {@code deployment} has an option the engine does not know. */
    static OptionReader of(Deployment deployment, String engine, Collection<String> known) {
        String at = "deployments." + deployment.name();
        for (String key : deployment.options().keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException(at + "." + key + " is not a " + engine + " engine option; the options are "
                        + String.join(", ", new TreeSet<>(known)));
            }
        }
        return new OptionReader(at, deployment.options());
    }

    /** Where the options are, for messages: {@code deployments.<name>}. */
    String at() {
        return at;
    }

    Optional<Object> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    Optional<String> text(String key) {
        return value(key).map(String::valueOf);
    }

    Optional<Integer> integer(String key) {
        Object value = values.get(key);
        if (value == null || value instanceof Integer) return Optional.ofNullable((Integer) value);
        throw new IllegalArgumentException(at + "." + key + " must be a whole number, was '" + value + "'");
    }

    Optional<Double> number(String key) {
        Object value = values.get(key);
        if (value == null) return Optional.empty();
        if (value instanceof Number) return Optional.of(((Number) value).doubleValue());
        throw new IllegalArgumentException(at + "." + key + " must be a number, was '" + value + "'");
    }

    Optional<Boolean> bool(String key) {
        Object value = values.get(key);
        if (value == null || value instanceof Boolean) return Optional.ofNullable((Boolean) value);
        throw new IllegalArgumentException(at + "." + key + " must be true or false, was '" + value + "'");
    }

    /** Throws IllegalArgumentException unless {@code min <= value <= max}; for the options' builders. */
    static void range(String at, String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(at + "." + option + " must be between " + min + " and " + max
                    + ", was " + value);
        }
    }
}
