package dev.switchboard.models.audio;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.StringEnum;
import dev.switchboard.core.internal.Validation;

/** A transcription model name. Any string is accepted: a real model of the default endpoint, or a pool name of the router. */
public final class AudioModel extends StringEnum {
    public static final AudioModel WHISPER_1 = of("whisper-1");
    public static final AudioModel GPT_4O_TRANSCRIBE = of("gpt-4o-transcribe");
    public static final AudioModel GPT_4O_MINI_TRANSCRIBE = of("gpt-4o-mini-transcribe");
    public static final AudioModel GPT_4O_TRANSCRIBE_DIARIZE = of("gpt-4o-transcribe-diarize");

    private AudioModel(JsonValue json) {
        super(json);
    }

    public static AudioModel of(String value) {
        return new AudioModel(JsonValue.from(value));
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
    public AudioModel validate() {
        known();
        return this;
    }

    public boolean isValid() {
        return Validation.isValid(this::validate);
    }

    public enum Known {
        WHISPER_1,
        GPT_4O_TRANSCRIBE,
        GPT_4O_MINI_TRANSCRIBE,
        GPT_4O_TRANSCRIBE_DIARIZE
    }

    public enum Value {
        WHISPER_1,
        GPT_4O_TRANSCRIBE,
        GPT_4O_MINI_TRANSCRIBE,
        GPT_4O_TRANSCRIBE_DIARIZE,
        _UNKNOWN
    }
}
