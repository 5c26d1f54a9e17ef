package dev.switchboard.models.audio.transcriptions;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonModel;
import dev.switchboard.core.internal.ModelBuilder;
import dev.switchboard.core.internal.Struct;
import dev.switchboard.core.internal.Validation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A verbose_json transcription: the detected language, the duration, segments and words. */
public final class TranscriptionVerbose extends JsonModel {
    private static final List<String> FIELDS = List.of("duration", "language", "text", "segments", "usage", "words");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private TranscriptionVerbose(Struct struct) {
        super(struct);
    }

    public static Builder builder() {
        return new Builder(Struct.builder());
    }

    public double duration() {
        return struct().number("duration");
    }

    public String language() {
        return struct().string("language");
    }

    public String text() {
        return struct().string("text");
    }

    public Optional<List<TranscriptionSegment>> segments() {
        return struct().optionalModels("segments", TranscriptionSegment.class);
    }

    public Optional<Usage> usage() {
        return struct().optionalModel("usage", Usage.class);
    }

    public Optional<List<TranscriptionWord>> words() {
        return struct().optionalModels("words", TranscriptionWord.class);
    }

    public Map<String, JsonValue> _additionalProperties() {
        return additionalProperties(KNOWN);
    }

    /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
    public TranscriptionVerbose validate() {
        duration();
        language();
        text();
        segments().ifPresent(list -> list.forEach(Validation::validate));
        usage().ifPresent(Validation::validate);
        words().ifPresent(list -> list.forEach(Validation::validate));
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

        public Builder duration(double duration) {
            fields.put("duration", duration);
            return this;
        }

        public Builder language(String language) {
            fields.put("language", language);
            return this;
        }

        public Builder text(String text) {
            fields.put("text", text);
            return this;
        }

        public Builder segments(List<TranscriptionSegment> segments) {
            fields.put("segments", segments);
            return this;
        }

        public Builder addSegment(TranscriptionSegment element) {
            fields.add("segments", element);
            return this;
        }

        public Builder usage(Usage usage) {
            fields.put("usage", usage);
            return this;
        }

        public Builder words(List<TranscriptionWord> words) {
            fields.put("words", words);
            return this;
        }

        public Builder addWord(TranscriptionWord element) {
            fields.add("words", element);
            return this;
        }

        /** Throws IllegalStateException naming the first required field not set. */
        public TranscriptionVerbose build() {
            return new TranscriptionVerbose(fields.build(FIELDS, "duration", "language", "text"));
        }
    }

    public static final class Usage extends JsonModel {
        private static final List<String> FIELDS = List.of("seconds", "type");
        private static final Set<String> KNOWN = Set.copyOf(FIELDS);

        private Usage(Struct struct) {
            super(struct);
        }

        public static Builder builder() {
            return new Builder(Struct.builder());
        }

        public double seconds() {
            return struct().number("seconds");
        }

        public JsonValue _type() {
            return struct().get("type");
        }

        public Map<String, JsonValue> _additionalProperties() {
            return additionalProperties(KNOWN);
        }

        /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
        public Usage validate() {
            seconds();
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
                if (!fields.has("type")) fields.put("type", JsonValue.from("duration"));
            }

            public Builder seconds(double seconds) {
                fields.put("seconds", seconds);
                return this;
            }

            public Builder type(JsonValue value) {
                fields.put("type", value);
                return this;
            }

            /** Throws IllegalStateException naming the first required field not set. */
            public Usage build() {
                return new Usage(fields.build(FIELDS, "seconds"));
            }
        }
    }
}
