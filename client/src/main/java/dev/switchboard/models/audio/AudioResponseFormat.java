package dev.switchboard.models.audio;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.StringEnum;
import dev.switchboard.core.internal.Validation;

/** The format of a transcription: json, text, srt, verbose_json or vtt. */
public final class AudioResponseFormat extends StringEnum {
    public static final AudioResponseFormat JSON = of("json");
    public static final AudioResponseFormat TEXT = of("text");
    public static final AudioResponseFormat SRT = of("srt");
    public static final AudioResponseFormat VERBOSE_JSON = of("verbose_json");
    public static final AudioResponseFormat VTT = of("vtt");
    public static final AudioResponseFormat DIARIZED_JSON = of("diarized_json");

    private AudioResponseFormat(JsonValue json) {
        super(json);
    }

    public static AudioResponseFormat of(String value) {
        return new AudioResponseFormat(JsonValue.from(value));
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
    public AudioResponseFormat validate() {
        known();
        return this;
    }

    public boolean isValid() {
        return Validation.isValid(this::validate);
    }

    public enum Known {
        JSON,
        TEXT,
        SRT,
        VERBOSE_JSON,
        VTT,
        DIARIZED_JSON
    }

    public enum Value {
        JSON,
        TEXT,
        SRT,
        VERBOSE_JSON,
        VTT,
        DIARIZED_JSON,
        _UNKNOWN
    }
}
