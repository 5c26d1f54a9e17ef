package dev.switchboard.models.audio.transcriptions;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonModel;
import dev.switchboard.core.internal.ModelBuilder;
import dev.switchboard.core.internal.Struct;
import dev.switchboard.core.internal.Validation;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A word of a verbose transcription with its time span. */
public final class TranscriptionWord extends JsonModel {
    private static final List<String> FIELDS = List.of("end", "start", "word");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private TranscriptionWord(Struct struct) {
        super(struct);
    }

    public static Builder builder() {
        return new Builder(Struct.builder());
    }

    public double end() {
        return struct().number("end");
    }

    public double start() {
        return struct().number("start");
    }

    public String word() {
        return struct().string("word");
    }

    public Map<String, JsonValue> _additionalProperties() {
        return additionalProperties(KNOWN);
    }

    /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
    public TranscriptionWord validate() {
        end();
        start();
        word();
        return this;
    }

    public boolean isValid() {
        return Validation.isValid(this::validate);
    }

    public Builder toBuilder() {
        return new Builder(struct().toBuilder());
    }

    public static final class Builder extends ModelBuilder<Builder> {
        private Builder(Struct.Builder fields) {
            super(fields, KNOWN);
        }

        public Builder end(double end) {
            fields.put("end", end);
            return this;
        }

        public Builder start(double start) {
            fields.put("start", start);
            return this;
        }

        public Builder word(String word) {
            fields.put("word", word);
            return this;
        }

        /** Throws IllegalStateException naming the first required field not set. */
        public TranscriptionWord build() {
            return new TranscriptionWord(fields.build(FIELDS, "end", "start", "word"));
        }
    }
}
