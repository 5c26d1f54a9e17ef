package dev.switchboard.models.chat.completions;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonModel;
import dev.switchboard.core.internal.ModelBuilder;
import dev.switchboard.core.internal.Struct;
import dev.switchboard.core.internal.Validation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The log probability of one token, with the most likely alternatives. */
public final class ChatCompletionTokenLogprob extends JsonModel {
    private static final List<String> FIELDS = List.of("token", "bytes", "logprob", "top_logprobs");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private ChatCompletionTokenLogprob(Struct struct) {
        super(struct);
    }

    public static Builder builder() {
        return new Builder(Struct.builder());
    }

    public String token() {
        return struct().string("token");
    }

    public Optional<List<Long>> bytes() {
        return struct().optionalLongs("bytes");
    }

    public double logprob() {
        return struct().number("logprob");
    }

    public List<TopLogprob> topLogprobs() {
        return struct().models("top_logprobs", TopLogprob.class);
    }

    public Map<String, JsonValue> _additionalProperties() {
        return additionalProperties(KNOWN);
    }

    /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
    public ChatCompletionTokenLogprob validate() {
        token();
        bytes();
        logprob();
        topLogprobs().forEach(Validation::validate);
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

        public Builder topLogprobs(List<TopLogprob> topLogprobs) {
            fields.put("top_logprobs", topLogprobs);
            return this;
        }

        public Builder addTopLogprob(TopLogprob element) {
            fields.add("top_logprobs", element);
            return this;
        }

        /** Throws IllegalStateException naming the first required field not set. */
        public ChatCompletionTokenLogprob build() {
            return new ChatCompletionTokenLogprob(fields.build(FIELDS, "token", "logprob", "top_logprobs"));
        }
    }

    public static final class TopLogprob extends JsonModel {
        private static final List<String> FIELDS = List.of("token", "bytes", "logprob");
        private static final Set<String> KNOWN = Set.copyOf(FIELDS);

        private TopLogprob(Struct struct) {
            super(struct);
        }

        public static Builder builder() {
            return new Builder(Struct.builder());
        }

        public String token() {
            return struct().string("token");
        }

        public Optional<List<Long>> bytes() {
            return struct().optionalLongs("bytes");
        }

        public double logprob() {
            return struct().number("logprob");
        }

        public Map<String, JsonValue> _additionalProperties() {
            return additionalProperties(KNOWN);
        }

        /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
        public TopLogprob validate() {
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

            /** Throws IllegalStateException naming the first required field not set. */
            public TopLogprob build() {
                return new TopLogprob(fields.build(FIELDS, "token", "logprob"));
            }
        }
    }
}
