package dev.switchboard.models.audio.speech;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.StringEnum;
import dev.switchboard.core.internal.Validation;

/** A speech model name. Any string is accepted: a real model of the default endpoint, or a pool name of the router. */
public final class SpeechModel extends StringEnum {
    public static final SpeechModel TTS_1 = of("tts-1");
    public static final SpeechModel TTS_1_HD = of("tts-1-hd");
    public static final SpeechModel GPT_4O_MINI_TTS = of("gpt-4o-mini-tts");

    private SpeechModel(JsonValue json) {
        super(json);
    }

    public static SpeechModel of(String value) {
        return new SpeechModel(JsonValue.from(value));
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
    public SpeechModel validate() {
        known();
        return this;
    }

    public boolean isValid() {
        return Validation.isValid(this::validate);
    }

    public enum Known {
        TTS_1,
        TTS_1_HD,
        GPT_4O_MINI_TTS
    }

    public enum Value {
        TTS_1,
        TTS_1_HD,
        GPT_4O_MINI_TTS,
        _UNKNOWN
    }
}
