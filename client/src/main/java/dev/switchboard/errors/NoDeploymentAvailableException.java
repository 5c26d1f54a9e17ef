package dev.switchboard.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every deployment that could have answered failed, or none was available. Carries each
 * deployment's last error, in the order they were tried; the message lists them.
 */
public final class NoDeploymentAvailableException extends OpenAIException {
    private final String pool;
    private final Map<String, Throwable> failures;

    public NoDeploymentAvailableException(String pool, Map<String, Throwable> failures) {
        super(message(pool, failures), failures.isEmpty() ? null : last(failures));
        this.pool = pool;
        this.failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
    }

    /** The pool (virtual model name) the call was routed to. */
    public String pool() {
        return pool;
    }

    /** Deployment name to the last error it gave, in the order they were tried. */
    public Map<String, Throwable> failures() {
        return failures;
    }

    private static Throwable last(Map<String, Throwable> failures) {
        Throwable last = null;
        for (Throwable t : failures.values()) last = t;
        return last;
    }

    private static String message(String pool, Map<String, Throwable> failures) {
        if (failures.isEmpty()) return "No deployment of '" + pool + "' is available";
        StringBuilder out = new StringBuilder("No deployment of '").append(pool).append("' could answer:");
        failures.forEach((name, error) -> out.append("\n  ").append(name).append(": ").append(describe(error)));
        return out.toString();
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
