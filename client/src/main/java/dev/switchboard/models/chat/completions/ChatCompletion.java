package dev.switchboard.models.chat.completions;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonModel;
import dev.switchboard.core.internal.ModelBuilder;
import dev.switchboard.core.internal.StringEnum;
import dev.switchboard.core.internal.Struct;
import dev.switchboard.core.internal.Validation;
import dev.switchboard.models.completions.CompletionUsage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A model's answer to a chat completion request. */
public final class ChatCompletion extends JsonModel {
    private static final List<String> FIELDS = List.of("id", "choices", "created", "model", "object", "service_tier", "system_fingerprint", "usage");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private ChatCompletion(Struct struct) {
        super(struct);
    }

    public static Builder builder() {
        return new Builder(Struct.builder());
    }

    public String id() {
        return struct().string("id");
    }

    public List<Choice> choices() {
        return struct().models("choices", Choice.class);
    }

    public long created() {
        return struct().integer("created");
    }

    public String model() {
        return struct().string("model");
    }

    public JsonValue _object_() {
        return struct().get("object");
    }

    public Optional<ServiceTier> serviceTier() {
        return struct().optionalModel("service_tier", ServiceTier.class);
    }

    public Optional<String> systemFingerprint() {
        return struct().optionalString("system_fingerprint");
    }

    public Optional<CompletionUsage> usage() {
        return struct().optionalModel("usage", CompletionUsage.class);
    }

    public Map<String, JsonValue> _additionalProperties() {
        return additionalProperties(KNOWN);
    }

    /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
    public ChatCompletion validate() {
        id();
        choices().forEach(Validation::validate);
        created();
        model();
        serviceTier().ifPresent(Validation::validate);
        systemFingerprint();
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
            if (!fields.has("object")) fields.put("object", JsonValue.from("chat.completion"));
        }

        public Builder id(String id) {
            fields.put("id", id);
            return this;
        }

        public Builder choices(List<Choice> choices) {
            fields.put("choices", choices);
            return this;
        }

        public Builder addChoice(Choice element) {
            fields.add("choices", element);
            return this;
        }

        public Builder created(long created) {
            fields.put("created", created);
            return this;
        }

        public Builder model(String model) {
            fields.put("model", model);
            return this;
        }

        public Builder object_(JsonValue value) {
            fields.put("object", value);
            return this;
        }

        public Builder serviceTier(ServiceTier serviceTier) {
            fields.put("service_tier", serviceTier);
            return this;
        }

        public Builder serviceTier(Optional<ServiceTier> serviceTier) {
            return serviceTier(serviceTier.orElse(null));
        }

        public Builder systemFingerprint(String systemFingerprint) {
            fields.put("system_fingerprint", systemFingerprint);
            return this;
        }

        public Builder usage(CompletionUsage usage) {
            fields.put("usage", usage);
            return this;
        }

        /** Throws IllegalStateException naming the first required field not set. */
        public ChatCompletion build() {
            return new ChatCompletion(fields.build(FIELDS, "id", "choices", "created", "model"));
        }
    }

    /** One of the n answers. */
    public static final class Choice extends JsonModel {
        private static final List<String> FIELDS = List.of("finish_reason", "index", "logprobs", "message");
        private static final Set<String> KNOWN = Set.copyOf(FIELDS);

        private Choice(Struct struct) {
            super(struct);
        }

        public static Builder builder() {
            return new Builder(Struct.builder());
        }

        public FinishReason finishReason() {
            return struct().model("finish_reason", FinishReason.class);
        }

        public long index() {
            return struct().integer("index");
        }

        public Optional<Logprobs> logprobs() {
            return struct().optionalModel("logprobs", Logprobs.class);
        }

        public ChatCompletionMessage message() {
            return struct().model("message", ChatCompletionMessage.class);
        }

        public Map<String, JsonValue> _additionalProperties() {
            return additionalProperties(KNOWN);
        }

        /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
        public Choice validate() {
            Validation.validate(finishReason());
            index();
            logprobs().ifPresent(Validation::validate);
            Validation.validate(message());
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

            public Builder finishReason(FinishReason finishReason) {
                fields.put("finish_reason", finishReason);
                return this;
            }

            public Builder index(long index) {
                fields.put("index", index);
                return this;
            }

            public Builder logprobs(Logprobs logprobs) {
                fields.put("logprobs", logprobs);
                return this;
            }

            public Builder logprobs(Optional<Logprobs> logprobs) {
                return logprobs(logprobs.orElse(null));
            }

            public Builder message(ChatCompletionMessage message) {
                fields.put("message", message);
                return this;
            }

            /** Throws IllegalStateException naming the first required field not set. */
            public Choice build() {
                return new Choice(fields.build(FIELDS, "finish_reason", "index", "message"));
            }
        }

        /** Why generation stopped. */
        public static final class FinishReason extends StringEnum {
            public static final FinishReason STOP = of("stop");
            public static final FinishReason LENGTH = of("length");
            public static final FinishReason TOOL_CALLS = of("tool_calls");
            public static final FinishReason CONTENT_FILTER = of("content_filter");
            public static final FinishReason FUNCTION_CALL = of("function_call");

            private FinishReason(JsonValue json) {
                super(json);
            }

            public static FinishReason of(String value) {
                return new FinishReason(JsonValue.from(value));
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
            public FinishReason validate() {
                known();
                return this;
            }

            public boolean isValid() {
                return Validation.isValid(this::validate);
            }

            public enum Known {
                STOP,
                LENGTH,
                TOOL_CALLS,
                CONTENT_FILTER,
                FUNCTION_CALL
            }

            public enum Value {
                STOP,
                LENGTH,
                TOOL_CALLS,
                CONTENT_FILTER,
                FUNCTION_CALL,
                _UNKNOWN
            }
        }

        /** Log probabilities of the answer's tokens. */
        public static final class Logprobs extends JsonModel {
            private static final List<String> FIELDS = List.of("content", "refusal");
            private static final Set<String> KNOWN = Set.copyOf(FIELDS);

            private Logprobs(Struct struct) {
                super(struct);
            }

            public static Builder builder() {
                return new Builder(Struct.builder());
            }

            public Optional<List<ChatCompletionTokenLogprob>> content() {
                return struct().optionalModels("content", ChatCompletionTokenLogprob.class);
            }

            public Optional<List<ChatCompletionTokenLogprob>> refusal() {
                return struct().optionalModels("refusal", ChatCompletionTokenLogprob.class);
            }

            public Map<String, JsonValue> _additionalProperties() {
                return additionalProperties(KNOWN);
            }

            /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
            public Logprobs validate() {
                content().ifPresent(list -> list.forEach(Validation::validate));
                refusal().ifPresent(list -> list.forEach(Validation::validate));
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

                public Builder content(List<ChatCompletionTokenLogprob> content) {
                    fields.put("content", content);
                    return this;
                }

                public Builder addContent(ChatCompletionTokenLogprob element) {
                    fields.add("content", element);
                    return this;
                }

                public Builder refusal(List<ChatCompletionTokenLogprob> refusal) {
                    fields.put("refusal", refusal);
                    return this;
                }

                public Builder addRefusal(ChatCompletionTokenLogprob element) {
                    fields.add("refusal", element);
                    return this;
                }

                /** Throws IllegalStateException naming the first required field not set. */
                public Logprobs build() {
                    return new Logprobs(fields.build(FIELDS));
                }
            }
        }
    }

    /** The tier that served the request. */
    public static final class ServiceTier extends StringEnum {
        public static final ServiceTier AUTO = of("auto");
        public static final ServiceTier DEFAULT = of("default");
        public static final ServiceTier FLEX = of("flex");
        public static final ServiceTier SCALE = of("scale");
        public static final ServiceTier PRIORITY = of("priority");

        private ServiceTier(JsonValue json) {
            super(json);
        }

        public static ServiceTier of(String value) {
            return new ServiceTier(JsonValue.from(value));
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
        public ServiceTier validate() {
            known();
            return this;
        }

        public boolean isValid() {
            return Validation.isValid(this::validate);
        }

        public enum Known {
            AUTO,
            DEFAULT,
            FLEX,
            SCALE,
            PRIORITY
        }

        public enum Value {
            AUTO,
            DEFAULT,
            FLEX,
            SCALE,
            PRIORITY,
            _UNKNOWN
        }
    }
}
