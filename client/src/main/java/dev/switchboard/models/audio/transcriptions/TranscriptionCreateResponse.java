package dev.switchboard.models.audio.transcriptions;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonUnion;
import dev.switchboard.core.internal.Validation;
import dev.switchboard.errors.OpenAIInvalidDataException;
import java.util.Optional;

/** A transcription: plain (json, text, srt, vtt) or verbose (verbose_json). */
public final class TranscriptionCreateResponse extends JsonUnion {
    private TranscriptionCreateResponse(JsonValue json) {
        super(json);
    }

    public static TranscriptionCreateResponse ofTranscription(Transcription transcription) {
        return new TranscriptionCreateResponse(JsonValue.from(transcription));
    }

    public static TranscriptionCreateResponse ofVerbose(TranscriptionVerbose verbose) {
        return new TranscriptionCreateResponse(JsonValue.from(verbose));
    }

    public boolean isTranscription() {
        return holdsObject() && !holdsObjectWithField("segments") && !holdsObjectWithField("duration");
    }

    public boolean isVerbose() {
        return holdsObjectWithField("segments") || holdsObjectWithField("duration");
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
