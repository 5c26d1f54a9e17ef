package dev.switchboard.models.audio.transcriptions;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonUnion;
import dev.switchboard.core.internal.Validation;
import dev.switchboard.errors.OpenAIInvalidDataException;
import java.util.Optional;

/**
 * A transcription: plain (json, text, srt, vtt) or verbose (verbose_json).
 *
 * <p>Made by {@link #ofTranscription} or {@link #ofVerbose} it is that variant, as the official SDK
 * decides by the format the request asked for; a server that left a verbose field out still gives a
 * verbose answer, whose accessor names the missing field. Read from bare JSON it is verbose when it
 * has a {@code duration} (a field only verbose answers have), else plain.
 */
public final class TranscriptionCreateResponse extends JsonUnion {
    private enum Variant { TRANSCRIPTION, VERBOSE }

    /** The variant it was made as; null when read from JSON, whose shape decides. */
    private final Variant variant;

    private TranscriptionCreateResponse(JsonValue json) {
        this(json, null);
    }

    private TranscriptionCreateResponse(JsonValue json, Variant variant) {
        super(json);
        this.variant = variant;
    }

    public static TranscriptionCreateResponse ofTranscription(Transcription transcription) {
        return new TranscriptionCreateResponse(JsonValue.from(transcription), Variant.TRANSCRIPTION);
    }

    public static TranscriptionCreateResponse ofVerbose(TranscriptionVerbose verbose) {
        return new TranscriptionCreateResponse(JsonValue.from(verbose), Variant.VERBOSE);
    }

    public boolean isTranscription() {
        if (variant != null) return variant == Variant.TRANSCRIPTION;
        return holdsObject() && !holdsObjectWithField("duration");
    }

    public boolean isVerbose() {
        if (variant != null) return variant == Variant.VERBOSE;
        return holdsObjectWithField("duration");
    }

    public Transcription asTranscription() {
        return convert(Transcription.class, "transcription");
    }

    public TranscriptionVerbose asVerbose() {
        return convert(TranscriptionVerbose.class, "verbose");
    }

    public Optional<Transcription> transcription() {
        return isTranscription() ? Optional.of(asTranscription()) : Optional.empty();
    }

    public Optional<TranscriptionVerbose> verbose() {
        return isVerbose() ? Optional.of(asVerbose()) : Optional.empty();
    }

    public <T> T accept(Visitor<T> visitor) {
        if (isTranscription()) return visitor.visitTranscription(asTranscription());
        if (isVerbose()) return visitor.visitVerbose(asVerbose());
        return visitor.unknown(json());
    }

    /** Checks that the JSON is one of the variants, and valid as it; throws OpenAIInvalidDataException. */
    public TranscriptionCreateResponse validate() {
        accept(new Visitor<Void>() {
            @Override
            public Void visitTranscription(Transcription transcription) {
                Validation.validate(transcription);
                return null;
            }
            @Override
            public Void visitVerbose(TranscriptionVerbose verbose) {
                Validation.validate(verbose);
                return null;
            }
        });
        return this;
    }

    public boolean isValid() {
        return Validation.isValid(this::validate);
    }

    public interface Visitor<T> {
        T visitTranscription(Transcription transcription);

        T visitVerbose(TranscriptionVerbose verbose);

        /** Called for JSON that matches no variant; throws OpenAIInvalidDataException unless overridden. */
        default T unknown(JsonValue json) {
            throw new OpenAIInvalidDataException("Unknown TranscriptionCreateResponse: " + json);
        }
    }
}
