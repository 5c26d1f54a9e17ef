package dev.switchboard.models.audio.transcriptions;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonModel;
import dev.switchboard.core.internal.ModelBuilder;
import dev.switchboard.core.internal.Struct;
import dev.switchboard.core.internal.Validation;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A segment of a verbose transcription: its time span, text and tokens. */
public final class TranscriptionSegment extends JsonModel {
    private static final List<String> FIELDS = List.of("id", "avg_logprob", "compression_ratio", "end", "no_speech_prob", "seek", "start", "temperature", "text", "tokens");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private TranscriptionSegment(Struct struct) {
        super(struct);
    }

    public static Builder builder() {
        return new Builder(Struct.builder());
    }

    public long id() {
        return struct().integer("id");
    }

    public float avgLogprob() {
        return (float) struct().number("avg_logprob");
    }

    public float compressionRatio() {
        return (float) struct().number("compression_ratio");
    }

    public double end() {
        return struct().number("end");
    }

    public float noSpeechProb() {
        return (float) struct().number("no_speech_prob");
    }

    public long seek() {
        return struct().integer("seek");
    }

    public double start() {
        return struct().number("start");
    }

    public float temperature() {
        return (float) struct().number("temperature");
    }

    public String text() {
        return struct().string("text");
    }

    public List<Long> tokens() {
        return struct().longs("tokens");
    }

    public Map<String, JsonValue> _additionalProperties() {
        return additionalProperties(KNOWN);
    }

    /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
    public TranscriptionSegment validate() {
        id();
        avgLogprob();
        compressionRatio();
        end();
        noSpeechProb();
        seek();
        start();
        temperature();
        text();
        tokens();
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

        public Builder id(long id) {
            fields.put("id", id);
            return this;
        }

        public Builder avgLogprob(float avgLogprob) {
            fields.put("avg_logprob", avgLogprob);
            return this;
        }

        public Builder compressionRatio(float compressionRatio) {
            fields.put("compression_ratio", compressionRatio);
            return this;
        }

        public Builder end(double end) {
            fields.put("end", end);
            return this;
        }

        public Builder noSpeechProb(float noSpeechProb) {
            fields.put("no_speech_prob", noSpeechProb);
            return this;
        }

        public Builder seek(long seek) {
            fields.put("seek", seek);
            return this;
        }

        public Builder start(double start) {
            fields.put("start", start);
            return this;
        }

        public Builder temperature(float temperature) {
            fields.put("temperature", temperature);
            return this;
        }

        public Builder text(String text) {
            fields.put("text", text);
            return this;
        }

        public Builder tokens(List<Long> tokens) {
            fields.put("tokens", tokens);
            return this;
        }

        /** Throws IllegalStateException naming the first required field not set. */
        public TranscriptionSegment build() {
            return new TranscriptionSegment(fields.build(FIELDS, "id", "avg_logprob", "compression_ratio", "end", "no_speech_prob", "seek", "start", "temperature", "text", "tokens"));
        }
    }
}
