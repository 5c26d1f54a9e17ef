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

/** One piece of a streamed answer. The last chunk may hold only usage, with no choices. */
public final class ChatCompletionChunk extends JsonModel {
    private static final List<String> FIELDS = List.of("id", "choices", "created", "model", "object", "service_tier", "system_fingerprint", "usage");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private ChatCompletionChunk(Struct struct) {
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
    public ChatCompletionChunk validate() {
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
            if (!fields.has("object")) fields.put("object", JsonValue.from("chat.completion.chunk"));
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

        public Builder usage(Optional<CompletionUsage> usage) {
            return usage(usage.orElse(null));
        }

        /** Throws IllegalStateException naming the first required field not set. */
        public ChatCompletionChunk build() {
            return new ChatCompletionChunk(fields.build(FIELDS, "id", "choices", "created", "model"));
        }
    }

    /** What one of the n answers adds in this chunk. */
    public static final class Choice extends JsonModel {
        private static final List<String> FIELDS = List.of("delta", "finish_reason", "index", "logprobs");
        private static final Set<String> KNOWN = Set.copyOf(FIELDS);

        private Choice(Struct struct) {
            super(struct);
        }

        public static Builder builder() {
            return new Builder(Struct.builder());
        }

        public Delta delta() {
            return struct().model("delta", Delta.class);
        }

        public Optional<FinishReason> finishReason() {
            return struct().optionalModel("finish_reason", FinishReason.class);
        }

        public long index() {
            return struct().integer("index");
        }

        public Optional<Logprobs> logprobs() {
            return struct().optionalModel("logprobs", Logprobs.class);
        }

        public Map<String, JsonValue> _additionalProperties() {
            return additionalProperties(KNOWN);
        }

        /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
        public Choice validate() {
            Validation.validate(delta());
            finishReason().ifPresent(Validation::validate);
            index();
            logprobs().ifPresent(Validation::validate);
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

            public Builder delta(Delta delta) {
                fields.put("delta", delta);
                return this;
            }

            public Builder finishReason(FinishReason finishReason) {
                fields.put("finish_reason", finishReason);
                return this;
            }

            public Builder finishReason(Optional<FinishReason> finishReason) {
                return finishReason(finishReason.orElse(null));
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

            /** Throws IllegalStateException naming the first required field not set. */
            public Choice build() {
                return new Choice(fields.build(FIELDS, "delta", "index"));
            }
        }

        /** The text, refusal or tool-call pieces this chunk adds. */
        public static final class Delta extends JsonModel {
            private static final List<String> FIELDS = List.of("content", "refusal", "role", "tool_calls");
            private static final Set<String> KNOWN = Set.copyOf(FIELDS);

            private Delta(Struct struct) {
                super(struct);
            }

            public static Builder builder() {
                return new Builder(Struct.builder());
            }

            public Optional<String> content() {
                return struct().optionalString("content");
            }

            public Optional<String> refusal() {
                return struct().optionalString("refusal");
            }

            public Optional<Role> role() {
                return struct().optionalModel("role", Role.class);
            }

            public Optional<List<ToolCall>> toolCalls() {
                return struct().optionalModels("tool_calls", ToolCall.class);
            }

            public Map<String, JsonValue> _additionalProperties() {
                return additionalProperties(KNOWN);
            }

            /**
             * The reasoning a server sent beside the answer, as {@code reasoning_content} (vLLM, llama.cpp,
             * DeepSeek) or {@code reasoning} (Ollama, OpenRouter). A Switchboard addition: the official API has
             * no such field; the raw values stay in {@code _additionalProperties()}.
             */
            public Optional<String> reasoningContent() {
                Optional<String> content = struct().optionalString("reasoning_content");
                return content.isPresent() ? content : struct().optionalString("reasoning");
            }

            /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
            public Delta validate() {
                content();
                refusal();
                role().ifPresent(Validation::validate);
                toolCalls().ifPresent(list -> list.forEach(Validation::validate));
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

                public Builder content(String content) {
                    fields.put("content", content);
                    return this;
                }

                public Builder content(Optional<String> content) {
                    return content(content.orElse(null));
                }

                public Builder refusal(String refusal) {
                    fields.put("refusal", refusal);
                    return this;
                }

                public Builder refusal(Optional<String> refusal) {
                    return refusal(refusal.orElse(null));
                }

                public Builder role(Role role) {
                    fields.put("role", role);
                    return this;
                }

                public Builder toolCalls(List<ToolCall> toolCalls) {
                    fields.put("tool_calls", toolCalls);
                    return this;
                }

                public Builder addToolCall(ToolCall element) {
                    fields.add("tool_calls", element);
                    return this;
                }

                /** Throws IllegalStateException naming the first required field not set. */
                public Delta build() {
                    return new Delta(fields.build(FIELDS));
                }
            }

            public static final class Role extends StringEnum {
                public static final Role DEVELOPER = of("developer");
                public static final Role SYSTEM = of("system");
                public static final Role USER = of("user");
                public static final Role ASSISTANT = of("assistant");
                public static final Role TOOL = of("tool");

                private Role(JsonValue json) {
                    super(json);
                }

                public static Role of(String value) {
                    return new Role(JsonValue.from(value));
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
                public Role validate() {
                    known();
                    return this;
                }

                public boolean isValid() {
                    return Validation.isValid(this::validate);
                }

                public enum Known {
                    DEVELOPER,
                    SYSTEM,
                    USER,
                    ASSISTANT,
                    TOOL
                }

                public enum Value {
                    DEVELOPER,
                    SYSTEM,
                    USER,
                    ASSISTANT,
                    TOOL,
                    _UNKNOWN
                }
            }

            /** A piece of a tool call; pieces with the same index belong together. */
            public static final class ToolCall extends JsonModel {
                private static final List<String> FIELDS = List.of("index", "id", "function", "type");
                private static final Set<String> KNOWN = Set.copyOf(FIELDS);

                private ToolCall(Struct struct) {
                    super(struct);
                }

                public static Builder builder() {
                    return new Builder(Struct.builder());
                }

                public long index() {
                    return struct().integer("index");
                }

                public Optional<String> id() {
                    return struct().optionalString("id");
                }

                public Optional<Function> function() {
                    return struct().optionalModel("function", Function.class);
                }

                public Optional<Type> type() {
                    return struct().optionalModel("type", Type.class);
                }

                public Map<String, JsonValue> _additionalProperties() {
                    return additionalProperties(KNOWN);
                }

                /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
                public ToolCall validate() {
                    index();
                    id();
                    function().ifPresent(Validation::validate);
                    type().ifPresent(Validation::validate);
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

                    public Builder index(long index) {
                        fields.put("index", index);
                        return this;
                    }

                    public Builder id(String id) {
                        fields.put("id", id);
                        return this;
                    }

                    public Builder function(Function function) {
                        fields.put("function", function);
                        return this;
                    }

                    public Builder type(Type type) {
                        fields.put("type", type);
                        return this;
                    }

                    /** Throws IllegalStateException naming the first required field not set. */
                    public ToolCall build() {
                        return new ToolCall(fields.build(FIELDS, "index"));
                    }
                }

                public static final class Function extends JsonModel {
                    private static final List<String> FIELDS = List.of("arguments", "name");
                    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

                    private Function(Struct struct) {
                        super(struct);
                    }

                    public static Builder builder() {
                        return new Builder(Struct.builder());
                    }

                    public Optional<String> arguments() {
                        return struct().optionalString("arguments");
                    }

                    public Optional<String> name() {
                        return struct().optionalString("name");
                    }

                    public Map<String, JsonValue> _additionalProperties() {
                        return additionalProperties(KNOWN);
                    }

                    /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
                    public Function validate() {
                        arguments();
                        name();
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

                        public Builder arguments(String arguments) {
                            fields.put("arguments", arguments);
                            return this;
                        }

                        public Builder name(String name) {
                            fields.put("name", name);
                            return this;
                        }

                        /** Throws IllegalStateException naming the first required field not set. */
                        public Function build() {
                            return new Function(fields.build(FIELDS));
                        }
                    }
                }

                public static final class Type extends StringEnum {
                    public static final Type FUNCTION = of("function");

                    private Type(JsonValue json) {
                        super(json);
                    }

                    public static Type of(String value) {
                        return new Type(JsonValue.from(value));
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
                    public Type validate() {
                        known();
                        return this;
                    }

                    public boolean isValid() {
                        return Validation.isValid(this::validate);
                    }

                    public enum Known {
                        FUNCTION
                    }

                    public enum Value {
                        FUNCTION,
                        _UNKNOWN
                    }
                }
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
