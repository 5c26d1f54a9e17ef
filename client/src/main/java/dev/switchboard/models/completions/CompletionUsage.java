package dev.switchboard.models.completions;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonModel;
import dev.switchboard.core.internal.ModelBuilder;
import dev.switchboard.core.internal.Struct;
import dev.switchboard.core.internal.Validation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Token counts of a request. */
public final class CompletionUsage extends JsonModel {
    private static final List<String> FIELDS = List.of("completion_tokens", "prompt_tokens", "total_tokens", "completion_tokens_details", "prompt_tokens_details");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private CompletionUsage(Struct struct) {
        super(struct);
    }

    public static Builder builder() {
        return new Builder(Struct.builder());
    }

    public long completionTokens() {
        return struct().integer("completion_tokens");
    }

    public long promptTokens() {
        return struct().integer("prompt_tokens");
    }

    public long totalTokens() {
        return struct().integer("total_tokens");
    }

    public Optional<CompletionTokensDetails> completionTokensDetails() {
        return struct().optionalModel("completion_tokens_details", CompletionTokensDetails.class);
    }

    public Optional<PromptTokensDetails> promptTokensDetails() {
        return struct().optionalModel("prompt_tokens_details", PromptTokensDetails.class);
    }

    public Map<String, JsonValue> _additionalProperties() {
        return additionalProperties(KNOWN);
    }

    /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
    public CompletionUsage validate() {
        completionTokens();
        promptTokens();
        totalTokens();
        completionTokensDetails().ifPresent(Validation::validate);
        promptTokensDetails().ifPresent(Validation::validate);
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

        public Builder completionTokens(long completionTokens) {
            fields.put("completion_tokens", completionTokens);
            return this;
        }

        public Builder promptTokens(long promptTokens) {
            fields.put("prompt_tokens", promptTokens);
            return this;
        }

        public Builder totalTokens(long totalTokens) {
            fields.put("total_tokens", totalTokens);
            return this;
        }

        public Builder completionTokensDetails(CompletionTokensDetails completionTokensDetails) {
            fields.put("completion_tokens_details", completionTokensDetails);
            return this;
        }

        public Builder promptTokensDetails(PromptTokensDetails promptTokensDetails) {
            fields.put("prompt_tokens_details", promptTokensDetails);
            return this;
        }

        /** Throws IllegalStateException naming the first required field not set. */
        public CompletionUsage build() {
            return new CompletionUsage(fields.build(FIELDS, "completion_tokens", "prompt_tokens", "total_tokens"));
        }
    }

    public static final class CompletionTokensDetails extends JsonModel {
        private static final List<String> FIELDS = List.of("accepted_prediction_tokens", "audio_tokens", "reasoning_tokens", "rejected_prediction_tokens");
        private static final Set<String> KNOWN = Set.copyOf(FIELDS);

        private CompletionTokensDetails(Struct struct) {
            super(struct);
        }

        public static Builder builder() {
            return new Builder(Struct.builder());
        }

        public Optional<Long> acceptedPredictionTokens() {
            return struct().optionalInteger("accepted_prediction_tokens");
        }

        public Optional<Long> audioTokens() {
            return struct().optionalInteger("audio_tokens");
        }

        public Optional<Long> reasoningTokens() {
            return struct().optionalInteger("reasoning_tokens");
        }

        public Optional<Long> rejectedPredictionTokens() {
            return struct().optionalInteger("rejected_prediction_tokens");
        }

        public Map<String, JsonValue> _additionalProperties() {
            return additionalProperties(KNOWN);
        }

        /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
        public CompletionTokensDetails validate() {
            acceptedPredictionTokens();
            audioTokens();
            reasoningTokens();
            rejectedPredictionTokens();
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

            public Builder acceptedPredictionTokens(long acceptedPredictionTokens) {
                fields.put("accepted_prediction_tokens", acceptedPredictionTokens);
                return this;
            }

            public Builder acceptedPredictionTokens(Long acceptedPredictionTokens) {
                fields.put("accepted_prediction_tokens", acceptedPredictionTokens);
                return this;
            }

            public Builder acceptedPredictionTokens(Optional<Long> acceptedPredictionTokens) {
                return acceptedPredictionTokens(acceptedPredictionTokens.orElse(null));
            }

            public Builder audioTokens(long audioTokens) {
                fields.put("audio_tokens", audioTokens);
                return this;
            }

            public Builder audioTokens(Long audioTokens) {
                fields.put("audio_tokens", audioTokens);
                return this;
            }

            public Builder audioTokens(Optional<Long> audioTokens) {
                return audioTokens(audioTokens.orElse(null));
            }

            public Builder reasoningTokens(long reasoningTokens) {
                fields.put("reasoning_tokens", reasoningTokens);
                return this;
            }

            public Builder reasoningTokens(Long reasoningTokens) {
                fields.put("reasoning_tokens", reasoningTokens);
                return this;
            }

            public Builder reasoningTokens(Optional<Long> reasoningTokens) {
                return reasoningTokens(reasoningTokens.orElse(null));
            }

            public Builder rejectedPredictionTokens(long rejectedPredictionTokens) {
                fields.put("rejected_prediction_tokens", rejectedPredictionTokens);
                return this;
            }

            public Builder rejectedPredictionTokens(Long rejectedPredictionTokens) {
                fields.put("rejected_prediction_tokens", rejectedPredictionTokens);
                return this;
            }

            public Builder rejectedPredictionTokens(Optional<Long> rejectedPredictionTokens) {
                return rejectedPredictionTokens(rejectedPredictionTokens.orElse(null));
            }

            /** Throws IllegalStateException naming the first required field not set. */
            public CompletionTokensDetails build() {
                return new CompletionTokensDetails(fields.build(FIELDS));
            }
        }
    }

    public static final class PromptTokensDetails extends JsonModel {
        private static final List<String> FIELDS = List.of("audio_tokens", "cached_tokens");
        private static final Set<String> KNOWN = Set.copyOf(FIELDS);

        private PromptTokensDetails(Struct struct) {
            super(struct);
        }

        public static Builder builder() {
            return new Builder(Struct.builder());
        }

        public Optional<Long> audioTokens() {
            return struct().optionalInteger("audio_tokens");
        }

        public Optional<Long> cachedTokens() {
            return struct().optionalInteger("cached_tokens");
        }

        public Map<String, JsonValue> _additionalProperties() {
            return additionalProperties(KNOWN);
        }

        /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
        public PromptTokensDetails validate() {
            audioTokens();
            cachedTokens();
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

            public Builder audioTokens(long audioTokens) {
                fields.put("audio_tokens", audioTokens);
                return this;
            }

            public Builder audioTokens(Long audioTokens) {
                fields.put("audio_tokens", audioTokens);
                return this;
            }

            public Builder audioTokens(Optional<Long> audioTokens) {
                return audioTokens(audioTokens.orElse(null));
            }

            public Builder cachedTokens(long cachedTokens) {
                fields.put("cached_tokens", cachedTokens);
                return this;
            }

            public Builder cachedTokens(Long cachedTokens) {
                fields.put("cached_tokens", cachedTokens);
                return this;
            }

            public Builder cachedTokens(Optional<Long> cachedTokens) {
                return cachedTokens(cachedTokens.orElse(null));
            }

            /** Throws IllegalStateException naming the first required field not set. */
            public PromptTokensDetails build() {
                return new PromptTokensDetails(fields.build(FIELDS));
            }
        }
    }
}
