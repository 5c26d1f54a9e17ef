package dev.switchboard.models;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.StringEnum;
import dev.switchboard.core.internal.Validation;

/** How hard a reasoning model thinks before answering. */
public final class ReasoningEffort extends StringEnum {
    public static final ReasoningEffort NONE = of("none");
    public static final ReasoningEffort MINIMAL = of("minimal");
    public static final ReasoningEffort LOW = of("low");
    public static final ReasoningEffort MEDIUM = of("medium");
    public static final ReasoningEffort HIGH = of("high");
    public static final ReasoningEffort XHIGH = of("xhigh");

    private ReasoningEffort(JsonValue json) {
        super(json);
    }

    public static ReasoningEffort of(String value) {
        return new ReasoningEffort(JsonValue.from(value));
    }

    /** The constant, or OpenAIInvalidDataException for a value this version does not know. */
    public Known known() {
        return known(Known.class);
    }

    /** The constant, or {@link Value#_UNKNOWN}. */
    public Value value() {
        return value(Value.class);
    }

    /** Throws OpenAIInvalidDataException when the value is not one this version knows. */
    public ReasoningEffort validate() {
        known();
        return this;
    }

    public boolean isValid() {
        return Validation.isValid(this::validate);
    }

    public enum Known {
        NONE,
        MINIMAL,
        LOW,
        MEDIUM,
        HIGH,
        XHIGH
    }

    public enum Value {
        NONE,
        MINIMAL,
        LOW,
        MEDIUM,
        HIGH,
        XHIGH,
        _UNKNOWN
    }
}
