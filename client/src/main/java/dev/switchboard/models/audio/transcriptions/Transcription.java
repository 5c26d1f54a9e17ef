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

/** The text of a transcription (json, and also text, srt and vtt answers, whose whole body is the text). */
public final class Transcription extends JsonModel {
    private static final List<String> FIELDS = List.of("text", "logprobs", "usage");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private Transcription(Struct struct) {
        super(struct);
    }

    public static Builder builder() {
        return new Builder(Struct.builder());
    }

    public String text() {
        return struct().string("text");
    }

    public Optional<List<Logprob>> logprobs() {
        return struct().optionalModels("logprobs", Logprob.class);
    }

    public Optional<Usage> usage() {
        return struct().optionalModel("usage", Usage.class);
    }

    public Map<String, JsonValue> _additionalProperties() {
        return additionalProperties(KNOWN);
    }

    /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
    public Transcription validate() {
        text();
        logprobs().ifPresent(list -> list.forEach(Validation::validate));
        usage().ifPresent(Validation::validate);
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

        public Builder text(String text) {
            fields.put("text", text);
            return this;
        }

        public Builder logprobs(List<Logprob> logprobs) {
            fields.put("logprobs", logprobs);
            return this;
        }

        public Builder addLogprob(Logprob element) {
            fields.add("logprobs", element);
            return this;
        }

        public Builder usage(Usage usage) {
            fields.put("usage", usage);
            return this;
        }

        /** Throws IllegalStateException naming the first required field not set. */
        public Transcription build() {
            return new Transcription(fields.build(FIELDS, "text"));
        }
    }

    public static final class Logprob extends JsonModel {
        private static final List<String> FIELDS = List.of("token", "bytes", "logprob");
        private static final Set<String> KNOWN = Set.copyOf(FIELDS);

        private Logprob(Struct struct) {
            super(struct);
        }

        public static Builder builder() {
            return new Builder(Struct.builder());
        }

        public Optional<String> token() {
            return struct().optionalString("token");
        }

        public Optional<List<Long>> bytes() {
            return struct().optionalLongs("bytes");
        }

        public Optional<Double> logprob() {
            return struct().optionalNumber("logprob");
        }

        public Map<String, JsonValue> _additionalProperties() {
            return additionalProperties(KNOWN);
        }

        /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
        public Logprob validate() {
            token();
            bytes();
            logprob();
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

            public Builder token(String token) {
                fields.put("token", token);
                return this;
            }

            public Builder bytes(List<Long> bytes) {
                fields.put("bytes", bytes);
                return this;
            }

            public Builder bytes(Optional<List<Long>> bytes) {
                return bytes(bytes.orElse(null));
            }

            public Builder logprob(double logprob) {
                fields.put("logprob", logprob);
                return this;
            }

            public Builder logprob(Double logprob) {
                fields.put("logprob", logprob);
                return this;
            }

            public Builder logprob(Optional<Double> logprob) {
                return logprob(logprob.orElse(null));
            }

            /** Throws IllegalStateException naming the first required field not set. */
            public Logprob build() {
                return new Logprob(fields.build(FIELDS));
            }
        }
    }

    /** What the transcription cost: tokens, or seconds of audio. */
    public static final class Usage extends JsonModel {
        private static final List<String> FIELDS = List.of("type", "input_tokens", "output_tokens", "total_tokens", "seconds");
        private static final Set<String> KNOWN = Set.copyOf(FIELDS);

        private Usage(Struct struct) {
            super(struct);
        }

        public static Builder builder() {
            return new Builder(Struct.builder());
        }

        public Optional<String> type() {
            return struct().optionalString("type");
        }

        public Optional<Long> inputTokens() {
            return struct().optionalInteger("input_tokens");
        }

        public Optional<Long> outputTokens() {
            return struct().optionalInteger("output_tokens");
        }

        public Optional<Long> totalTokens() {
            return struct().optionalInteger("total_tokens");
        }

        public Optional<Double> seconds() {
            return struct().optionalNumber("seconds");
        }

        public Map<String, JsonValue> _additionalProperties() {
            return additionalProperties(KNOWN);
        }

        /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
        public Usage validate() {
            type();
            inputTokens();
            outputTokens();
            totalTokens();
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
            }

            public Builder type(String type) {
                fields.put("type", type);
                return this;
            }

            public Builder inputTokens(long inputTokens) {
                fields.put("input_tokens", inputTokens);
                return this;
            }

            public Builder inputTokens(Long inputTokens) {
                fields.put("input_tokens", inputTokens);
                return this;
            }

            public Builder inputTokens(Optional<Long> inputTokens) {
                return inputTokens(inputTokens.orElse(null));
            }

            public Builder outputTokens(long outputTokens) {
                fields.put("output_tokens", outputTokens);
                return this;
            }

            public Builder outputTokens(Long outputTokens) {
                fields.put("output_tokens", outputTokens);
                return this;
            }

            public Builder outputTokens(Optional<Long> outputTokens) {
                return outputTokens(outputTokens.orElse(null));
            }

            public Builder totalTokens(long totalTokens) {
                fields.put("total_tokens", totalTokens);
                return this;
            }

            public Builder totalTokens(Long totalTokens) {
                fields.put("total_tokens", totalTokens);
                return this;
            }

            public Builder totalTokens(Optional<Long> totalTokens) {
                return totalTokens(totalTokens.orElse(null));
            }

            public Builder seconds(double seconds) {
                fields.put("seconds", seconds);
                return this;
            }

            public Builder seconds(Double seconds) {
                fields.put("seconds", seconds);
                return this;
            }

            public Builder seconds(Optional<Double> seconds) {
                return seconds(seconds.orElse(null));
            }

            /** Throws IllegalStateException naming the first required field not set. */
            public Usage build() {
                return new Usage(fields.build(FIELDS));
            }
        }
    }
}
