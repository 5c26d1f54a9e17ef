package dev.switchboard.core.internal;

import dev.switchboard.errors.OpenAIInvalidDataException;

/** Deep validation of models, the work behind every {@code validate()} and {@code isValid()}. */
public final class Validation {
    private Validation() {}

    /** Validates a nested value when it is a model or a union; other values need no check. */
    public static void validate(Object value) {
        if (value instanceof JsonModel) {
            ((JsonModel) value).validate();
        } else if (value instanceof JsonUnion) {
            ((JsonUnion) value).validate();
        }
    }

    public static boolean isValid(Runnable validation) {
        try {
            validation.run();
            return true;
        } catch (OpenAIInvalidDataException e) {
            return false;
        }
    }
}
