package dev.switchboard.models.chat.completions;

import dev.switchboard.core.JsonSchemaLocalValidation;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.http.Headers;
import dev.switchboard.core.http.QueryParams;
import dev.switchboard.core.internal.JsonModel;
import dev.switchboard.core.internal.JsonParams;
import dev.switchboard.core.internal.ParamsBuilder;
import dev.switchboard.core.internal.ModelBuilder;
import dev.switchboard.core.internal.JsonUnion;
import dev.switchboard.core.internal.StringEnum;
import dev.switchboard.core.internal.Struct;
import dev.switchboard.core.internal.Validation;
import dev.switchboard.errors.OpenAIInvalidDataException;
import dev.switchboard.models.ChatModel;
import dev.switchboard.models.FunctionDefinition;
import dev.switchboard.models.ReasoningEffort;
import dev.switchboard.models.ResponseFormatJsonObject;
import dev.switchboard.models.ResponseFormatJsonSchema;
import dev.switchboard.models.ResponseFormatText;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A chat completion request: the model (a real name or a pool of the router), the messages and the sampling settings. */
public final class ChatCompletionCreateParams extends JsonParams {
    private static final List<String> FIELDS = List.of("messages", "model", "frequency_penalty", "logit_bias", "logprobs", "max_completion_tokens", "max_tokens", "metadata", "n", "parallel_tool_calls", "presence_penalty", "prompt_cache_key", "reasoning_effort", "response_format", "safety_identifier", "seed", "service_tier", "stop", "store", "stream_options", "temperature", "tool_choice", "tools", "top_logprobs", "top_p", "user", "verbosity");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private ChatCompletionCreateParams(Struct struct) {
        this(struct, Headers.builder().build(), QueryParams.builder().build());
    }

    private ChatCompletionCreateParams(Struct struct, Headers additionalHeaders, QueryParams additionalQueryParams) {
        super(struct, KNOWN, additionalHeaders, additionalQueryParams);
    }

    public static Builder builder() {
        return new Builder(Struct.builder());
    }

    public List<ChatCompletionMessageParam> messages() {
        return struct().models("messages", ChatCompletionMessageParam.class);
    }

    public ChatModel model() {
        return struct().model("model", ChatModel.class);
    }

    public Optional<Double> frequencyPenalty() {
        return struct().optionalNumber("frequency_penalty");
    }

    public Optional<LogitBias> logitBias() {
        return struct().optionalModel("logit_bias", LogitBias.class);
    }

    public Optional<Boolean> logprobs() {
        return struct().optionalBool("logprobs");
    }

    public Optional<Long> maxCompletionTokens() {
        return struct().optionalInteger("max_completion_tokens");
    }

    public Optional<Long> maxTokens() {
        return struct().optionalInteger("max_tokens");
    }

    public Optional<Metadata> metadata() {
        return struct().optionalModel("metadata", Metadata.class);
    }

    public Optional<Long> n() {
        return struct().optionalInteger("n");
    }

    public Optional<Boolean> parallelToolCalls() {
        return struct().optionalBool("parallel_tool_calls");
    }

    public Optional<Double> presencePenalty() {
        return struct().optionalNumber("presence_penalty");
    }

    public Optional<String> promptCacheKey() {
        return struct().optionalString("prompt_cache_key");
    }

    public Optional<ReasoningEffort> reasoningEffort() {
        return struct().optionalModel("reasoning_effort", ReasoningEffort.class);
    }

    public Optional<ResponseFormat> responseFormat() {
        return struct().optionalModel("response_format", ResponseFormat.class);
    }

    public Optional<String> safetyIdentifier() {
        return struct().optionalString("safety_identifier");
    }

    public Optional<Long> seed() {
        return struct().optionalInteger("seed");
    }

    public Optional<ServiceTier> serviceTier() {
        return struct().optionalModel("service_tier", ServiceTier.class);
    }

    public Optional<Stop> stop() {
        return struct().optionalModel("stop", Stop.class);
    }

    public Optional<Boolean> store() {
        return struct().optionalBool("store");
    }

    public Optional<ChatCompletionStreamOptions> streamOptions() {
        return struct().optionalModel("stream_options", ChatCompletionStreamOptions.class);
    }

    public Optional<Double> temperature() {
        return struct().optionalNumber("temperature");
    }

    public Optional<ChatCompletionToolChoiceOption> toolChoice() {
        return struct().optionalModel("tool_choice", ChatCompletionToolChoiceOption.class);
    }

    public Optional<List<ChatCompletionTool>> tools() {
        return struct().optionalModels("tools", ChatCompletionTool.class);
    }

    public Optional<Long> topLogprobs() {
        return struct().optionalInteger("top_logprobs");
    }

    public Optional<Double> topP() {
        return struct().optionalNumber("top_p");
    }

    public Optional<String> user() {
        return struct().optionalString("user");
    }

    public Optional<Verbosity> verbosity() {
        return struct().optionalModel("verbosity", Verbosity.class);
    }

    /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
    public ChatCompletionCreateParams validate() {
        messages().forEach(Validation::validate);
        Validation.validate(model());
        frequencyPenalty();
        logitBias().ifPresent(Validation::validate);
        logprobs();
        maxCompletionTokens();
        maxTokens();
        metadata().ifPresent(Validation::validate);
        n();
        parallelToolCalls();
        presencePenalty();
        promptCacheKey();
        reasoningEffort().ifPresent(Validation::validate);
        responseFormat().ifPresent(Validation::validate);
        safetyIdentifier();
        seed();
        serviceTier().ifPresent(Validation::validate);
        stop().ifPresent(Validation::validate);
        store();
        streamOptions().ifPresent(Validation::validate);
        temperature();
        toolChoice().ifPresent(Validation::validate);
        tools().ifPresent(list -> list.forEach(Validation::validate));
        topLogprobs();
        topP();
        user();
        verbosity().ifPresent(Validation::validate);
        return this;
    }

    public boolean isValid() {
        return Validation.isValid(this::validate);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(struct().toBuilder());
        builder.putAllAdditionalHeaders(_additionalHeaders());
        builder.putAllAdditionalQueryParams(_additionalQueryParams());
        return builder;
    }

    public static final class Builder extends ParamsBuilder<Builder> {

        private Builder(Struct.Builder fields) {
            super(fields, KNOWN);
        }

        public Builder messages(List<ChatCompletionMessageParam> messages) {
            fields.put("messages", messages);
            return this;
        }

        public Builder addMessage(ChatCompletionMessageParam element) {
            fields.add("messages", element);
            return this;
        }

        public Builder model(ChatModel model) {
            fields.put("model", model);
            return this;
        }

        public Builder frequencyPenalty(double frequencyPenalty) {
            fields.put("frequency_penalty", frequencyPenalty);
            return this;
        }

        public Builder frequencyPenalty(Double frequencyPenalty) {
            fields.put("frequency_penalty", frequencyPenalty);
            return this;
        }

        public Builder frequencyPenalty(Optional<Double> frequencyPenalty) {
            return frequencyPenalty(frequencyPenalty.orElse(null));
        }

        public Builder logitBias(LogitBias logitBias) {
            fields.put("logit_bias", logitBias);
            return this;
        }

        public Builder logitBias(Optional<LogitBias> logitBias) {
            return logitBias(logitBias.orElse(null));
        }

        public Builder logprobs(boolean logprobs) {
            fields.put("logprobs", logprobs);
            return this;
        }

        public Builder logprobs(Boolean logprobs) {
            fields.put("logprobs", logprobs);
            return this;
        }

        public Builder logprobs(Optional<Boolean> logprobs) {
            return logprobs(logprobs.orElse(null));
        }

        public Builder maxCompletionTokens(long maxCompletionTokens) {
            fields.put("max_completion_tokens", maxCompletionTokens);
            return this;
        }

        public Builder maxCompletionTokens(Long maxCompletionTokens) {
            fields.put("max_completion_tokens", maxCompletionTokens);
            return this;
        }

        public Builder maxCompletionTokens(Optional<Long> maxCompletionTokens) {
            return maxCompletionTokens(maxCompletionTokens.orElse(null));
        }

        public Builder maxTokens(long maxTokens) {
            fields.put("max_tokens", maxTokens);
            return this;
        }

        public Builder maxTokens(Long maxTokens) {
            fields.put("max_tokens", maxTokens);
            return this;
        }

        public Builder maxTokens(Optional<Long> maxTokens) {
            return maxTokens(maxTokens.orElse(null));
        }

        public Builder metadata(Metadata metadata) {
            fields.put("metadata", metadata);
            return this;
        }

        public Builder metadata(Optional<Metadata> metadata) {
            return metadata(metadata.orElse(null));
        }

        public Builder n(long n) {
            fields.put("n", n);
            return this;
        }

        public Builder n(Long n) {
            fields.put("n", n);
            return this;
        }

        public Builder n(Optional<Long> n) {
            return n(n.orElse(null));
        }

        public Builder parallelToolCalls(boolean parallelToolCalls) {
            fields.put("parallel_tool_calls", parallelToolCalls);
            return this;
        }

        public Builder parallelToolCalls(Boolean parallelToolCalls) {
            fields.put("parallel_tool_calls", parallelToolCalls);
            return this;
        }

        public Builder parallelToolCalls(Optional<Boolean> parallelToolCalls) {
            return parallelToolCalls(parallelToolCalls.orElse(null));
        }

        public Builder presencePenalty(double presencePenalty) {
            fields.put("presence_penalty", presencePenalty);
            return this;
        }

        public Builder presencePenalty(Double presencePenalty) {
            fields.put("presence_penalty", presencePenalty);
            return this;
        }

        public Builder presencePenalty(Optional<Double> presencePenalty) {
            return presencePenalty(presencePenalty.orElse(null));
        }

        public Builder promptCacheKey(String promptCacheKey) {
            fields.put("prompt_cache_key", promptCacheKey);
            return this;
        }

        public Builder promptCacheKey(Optional<String> promptCacheKey) {
            return promptCacheKey(promptCacheKey.orElse(null));
        }

        public Builder reasoningEffort(ReasoningEffort reasoningEffort) {
            fields.put("reasoning_effort", reasoningEffort);
            return this;
        }

        public Builder reasoningEffort(Optional<ReasoningEffort> reasoningEffort) {
            return reasoningEffort(reasoningEffort.orElse(null));
        }

        public Builder responseFormat(ResponseFormat responseFormat) {
            fields.put("response_format", responseFormat);
            return this;
        }

        public Builder safetyIdentifier(String safetyIdentifier) {
            fields.put("safety_identifier", safetyIdentifier);
            return this;
        }

        public Builder safetyIdentifier(Optional<String> safetyIdentifier) {
            return safetyIdentifier(safetyIdentifier.orElse(null));
        }

        public Builder seed(long seed) {
            fields.put("seed", seed);
            return this;
        }

        public Builder seed(Long seed) {
            fields.put("seed", seed);
            return this;
        }

        public Builder seed(Optional<Long> seed) {
            return seed(seed.orElse(null));
        }

        public Builder serviceTier(ServiceTier serviceTier) {
            fields.put("service_tier", serviceTier);
            return this;
        }

        public Builder serviceTier(Optional<ServiceTier> serviceTier) {
            return serviceTier(serviceTier.orElse(null));
        }

        public Builder stop(Stop stop) {
            fields.put("stop", stop);
            return this;
        }

        public Builder stop(Optional<Stop> stop) {
            return stop(stop.orElse(null));
        }

        public Builder store(boolean store) {
            fields.put("store", store);
            return this;
        }

        public Builder store(Boolean store) {
            fields.put("store", store);
            return this;
        }

        public Builder store(Optional<Boolean> store) {
            return store(store.orElse(null));
        }

        public Builder streamOptions(ChatCompletionStreamOptions streamOptions) {
            fields.put("stream_options", streamOptions);
            return this;
        }

        public Builder streamOptions(Optional<ChatCompletionStreamOptions> streamOptions) {
            return streamOptions(streamOptions.orElse(null));
        }

        public Builder temperature(double temperature) {
            fields.put("temperature", temperature);
            return this;
        }

        public Builder temperature(Double temperature) {
            fields.put("temperature", temperature);
            return this;
        }

        public Builder temperature(Optional<Double> temperature) {
            return temperature(temperature.orElse(null));
        }

        public Builder toolChoice(ChatCompletionToolChoiceOption toolChoice) {
            fields.put("tool_choice", toolChoice);
            return this;
        }

        public Builder tools(List<ChatCompletionTool> tools) {
            fields.put("tools", tools);
            return this;
        }

        public Builder addTool(ChatCompletionTool element) {
            fields.add("tools", element);
            return this;
        }

        public Builder topLogprobs(long topLogprobs) {
            fields.put("top_logprobs", topLogprobs);
            return this;
        }

        public Builder topLogprobs(Long topLogprobs) {
            fields.put("top_logprobs", topLogprobs);
            return this;
        }

        public Builder topLogprobs(Optional<Long> topLogprobs) {
            return topLogprobs(topLogprobs.orElse(null));
        }

        public Builder topP(double topP) {
            fields.put("top_p", topP);
            return this;
        }

        public Builder topP(Double topP) {
            fields.put("top_p", topP);
            return this;
        }

        public Builder topP(Optional<Double> topP) {
            return topP(topP.orElse(null));
        }

        public Builder user(String user) {
            fields.put("user", user);
            return this;
        }

        public Builder verbosity(Verbosity verbosity) {
            fields.put("verbosity", verbosity);
            return this;
        }

        public Builder verbosity(Optional<Verbosity> verbosity) {
            return verbosity(verbosity.orElse(null));
        }

        public Builder model(String model) {
            return model(ChatModel.of(model));
        }

        public Builder addMessage(ChatCompletionDeveloperMessageParam developer) {
            return addMessage(ChatCompletionMessageParam.ofDeveloper(developer));
        }

        public Builder addMessage(ChatCompletionSystemMessageParam system) {
            return addMessage(ChatCompletionMessageParam.ofSystem(system));
        }

        public Builder addMessage(ChatCompletionUserMessageParam user) {
            return addMessage(ChatCompletionMessageParam.ofUser(user));
        }

        public Builder addMessage(ChatCompletionAssistantMessageParam assistant) {
            return addMessage(ChatCompletionMessageParam.ofAssistant(assistant));
        }

        public Builder addMessage(ChatCompletionToolMessageParam tool) {
            return addMessage(ChatCompletionMessageParam.ofTool(tool));
        }

        /** Adds a model's answer to the conversation, as the assistant's message. */
        public Builder addMessage(ChatCompletionMessage message) {
            return addMessage(message.toParam());
        }

        public Builder addDeveloperMessage(String content) {
            return addMessage(ChatCompletionDeveloperMessageParam.builder().content(content).build());
        }

        public Builder addDeveloperMessage(ChatCompletionDeveloperMessageParam.Content content) {
            return addMessage(ChatCompletionDeveloperMessageParam.builder().content(content).build());
        }

        public Builder addDeveloperMessageOfArrayOfContentParts(List<ChatCompletionContentPartText> parts) {
            return addMessage(ChatCompletionDeveloperMessageParam.builder().contentOfArrayOfContentParts(parts).build());
        }

        public Builder addSystemMessage(String content) {
            return addMessage(ChatCompletionSystemMessageParam.builder().content(content).build());
        }

        public Builder addSystemMessage(ChatCompletionSystemMessageParam.Content content) {
            return addMessage(ChatCompletionSystemMessageParam.builder().content(content).build());
        }

        public Builder addSystemMessageOfArrayOfContentParts(List<ChatCompletionContentPartText> parts) {
            return addMessage(ChatCompletionSystemMessageParam.builder().contentOfArrayOfContentParts(parts).build());
        }

        public Builder addUserMessage(String content) {
            return addMessage(ChatCompletionUserMessageParam.builder().content(content).build());
        }

        public Builder addUserMessage(ChatCompletionUserMessageParam.Content content) {
            return addMessage(ChatCompletionUserMessageParam.builder().content(content).build());
        }

        public Builder addUserMessageOfArrayOfContentParts(List<ChatCompletionContentPart> parts) {
            return addMessage(ChatCompletionUserMessageParam.builder().contentOfArrayOfContentParts(parts).build());
        }

        public Builder addAssistantMessage(String content) {
            return addMessage(ChatCompletionAssistantMessageParam.builder().content(content).build());
        }

        public Builder addAssistantMessage(ChatCompletionAssistantMessageParam.Content content) {
            return addMessage(ChatCompletionAssistantMessageParam.builder().content(content).build());
        }

        public Builder addTool(ChatCompletionFunctionTool functionTool) {
            return addTool(ChatCompletionTool.ofFunction(functionTool));
        }

        public Builder addFunctionTool(FunctionDefinition function) {
            return addTool(ChatCompletionFunctionTool.builder().function(function).build());
        }

        /**
         * Adds a strict function tool named after {@code functionParametersType} ({@code @JsonTypeName}
         * or its simple name), described by its {@code @JsonClassDescription}, whose parameters are the
         * class's JSON schema; read a call's arguments back with
         * {@code ChatCompletionMessageFunctionToolCall.Function.arguments(Class)}.
         *
         * @throws IllegalArgumentException when the class cannot be a JSON schema, naming the class and field
         */
        public Builder addTool(Class<?> functionParametersType) {
            return addTool(functionParametersType, JsonSchemaLocalValidation.YES);
        }

        public Builder addTool(Class<?> functionParametersType, JsonSchemaLocalValidation localValidation) {
            return addTool(StructuredOutputs.functionTool(functionParametersType, localValidation));
        }

        public Builder responseFormat(ResponseFormatText text) {
            return responseFormat(ResponseFormat.ofText(text));
        }

        public Builder responseFormat(ResponseFormatJsonObject jsonObject) {
            return responseFormat(ResponseFormat.ofJsonObject(jsonObject));
        }

        public Builder responseFormat(ResponseFormatJsonSchema jsonSchema) {
            return responseFormat(ResponseFormat.ofJsonSchema(jsonSchema));
        }

        /**
         * Asks for JSON following the strict schema derived from {@code responseType}, checked locally;
         * the returned builder shares this one's settings and builds params whose answers read back as
         * {@code T}.
         *
         * @throws IllegalArgumentException when the class cannot be a JSON schema, naming the class and field
         */
        public <T> StructuredChatCompletionCreateParams.Builder<T> responseFormat(Class<T> responseType) {
            return responseFormat(responseType, JsonSchemaLocalValidation.YES);
        }

        public <T> StructuredChatCompletionCreateParams.Builder<T> responseFormat(Class<T> responseType,
                JsonSchemaLocalValidation localValidation) {
            return StructuredChatCompletionCreateParams.<T>builder().wrap(responseType, this, localValidation);
        }

        public Builder stop(String stop) {
            return stop(Stop.ofString(stop));
        }

        public Builder stopOfStrings(List<String> strings) {
            return stop(Stop.ofStrings(strings));
        }

        public Builder toolChoice(ChatCompletionToolChoiceOption.Auto auto) {
            return toolChoice(ChatCompletionToolChoiceOption.ofAuto(auto));
        }

        public Builder toolChoice(ChatCompletionNamedToolChoice namedToolChoice) {
            return toolChoice(ChatCompletionToolChoiceOption.ofNamedToolChoice(namedToolChoice));
        }

        /** Throws IllegalStateException naming the first required field not set. */
        public ChatCompletionCreateParams build() {
            return new ChatCompletionCreateParams(fields.build(FIELDS, "messages", "model"), additionalHeaders.build(), additionalQueryParams.build());
        }
    }

    /** The shape of the answer: text, any JSON object, or JSON that follows a schema. */
    public static final class ResponseFormat extends JsonUnion {
        private ResponseFormat(JsonValue json) {
            super(json);
        }

        public static ResponseFormat ofText(ResponseFormatText text) {
            return new ResponseFormat(JsonValue.from(text));
        }

        public static ResponseFormat ofJsonSchema(ResponseFormatJsonSchema jsonSchema) {
            return new ResponseFormat(JsonValue.from(jsonSchema));
        }

        public static ResponseFormat ofJsonObject(ResponseFormatJsonObject jsonObject) {
            return new ResponseFormat(JsonValue.from(jsonObject));
        }

        public boolean isText() {
            return holdsObjectWith("type", "text");
        }

        public boolean isJsonSchema() {
            return holdsObjectWith("type", "json_schema");
        }

        public boolean isJsonObject() {
            return holdsObjectWith("type", "json_object");
        }

        public ResponseFormatText asText() {
            return convert(ResponseFormatText.class, "text");
        }

        public ResponseFormatJsonSchema asJsonSchema() {
            return convert(ResponseFormatJsonSchema.class, "jsonSchema");
        }

        public ResponseFormatJsonObject asJsonObject() {
            return convert(ResponseFormatJsonObject.class, "jsonObject");
        }

        public Optional<ResponseFormatText> text() {
            return isText() ? Optional.of(asText()) : Optional.empty();
        }

        public Optional<ResponseFormatJsonSchema> jsonSchema() {
            return isJsonSchema() ? Optional.of(asJsonSchema()) : Optional.empty();
        }

        public Optional<ResponseFormatJsonObject> jsonObject() {
            return isJsonObject() ? Optional.of(asJsonObject()) : Optional.empty();
        }

        public <T> T accept(Visitor<T> visitor) {
            if (isText()) return visitor.visitText(asText());
            if (isJsonSchema()) return visitor.visitJsonSchema(asJsonSchema());
            if (isJsonObject()) return visitor.visitJsonObject(asJsonObject());
            return visitor.unknown(json());
        }

        /** Checks that the JSON is one of the variants, and valid as it; throws OpenAIInvalidDataException. */
        public ResponseFormat validate() {
            accept(new Visitor<Void>() {
                @Override
                public Void visitText(ResponseFormatText text) {
                    Validation.validate(text);
                    return null;
                }
                @Override
                public Void visitJsonSchema(ResponseFormatJsonSchema jsonSchema) {
                    Validation.validate(jsonSchema);
                    return null;
                }
                @Override
                public Void visitJsonObject(ResponseFormatJsonObject jsonObject) {
                    Validation.validate(jsonObject);
                    return null;
                }
            });
            return this;
        }

        public boolean isValid() {
            return Validation.isValid(this::validate);
        }

        public interface Visitor<T> {
            T visitText(ResponseFormatText text);

            T visitJsonSchema(ResponseFormatJsonSchema jsonSchema);

            T visitJsonObject(ResponseFormatJsonObject jsonObject);

            /** Called for JSON that matches no variant; throws OpenAIInvalidDataException unless overridden. */
            default T unknown(JsonValue json) {
                throw new OpenAIInvalidDataException("Unknown ResponseFormat: " + json);
            }
        }
    }

    /** Up to 4 sequences where generation stops. */
    public static final class Stop extends JsonUnion {
        private Stop(JsonValue json) {
            super(json);
        }

        public static Stop ofString(String string) {
            return new Stop(JsonValue.from(string));
        }

        public static Stop ofStrings(List<String> strings) {
            return new Stop(JsonValue.from(strings));
        }

        public boolean isString() {
            return holdsString();
        }

        public boolean isStrings() {
            return holdsStrings();
        }

        public String asString() {
            return jsonString("string");
        }

        public List<String> asStrings() {
            return convertList(String.class, "strings");
        }

        public Optional<String> string() {
            return isString() ? Optional.of(asString()) : Optional.empty();
        }

        public Optional<List<String>> strings() {
            return isStrings() ? Optional.of(asStrings()) : Optional.empty();
        }

        public <T> T accept(Visitor<T> visitor) {
            if (isString()) return visitor.visitString(asString());
            if (isStrings()) return visitor.visitStrings(asStrings());
            return visitor.unknown(json());
        }

        /** Checks that the JSON is one of the variants, and valid as it; throws OpenAIInvalidDataException. */
        public Stop validate() {
            accept(new Visitor<Void>() {
                @Override
                public Void visitString(String string) {
                    return null;
                }
                @Override
                public Void visitStrings(List<String> strings) {
                    return null;
                }
            });
            return this;
        }

        public boolean isValid() {
            return Validation.isValid(this::validate);
        }

        public interface Visitor<T> {
            T visitString(String string);

            T visitStrings(List<String> strings);

            /** Called for JSON that matches no variant; throws OpenAIInvalidDataException unless overridden. */
            default T unknown(JsonValue json) {
                throw new OpenAIInvalidDataException("Unknown Stop: " + json);
            }
        }
    }

    /** Token id (as a string) to a bias from -100 to 100, given with putAdditionalProperty. */
    public static final class LogitBias extends JsonModel {
        private static final List<String> FIELDS = List.of();
        private static final Set<String> KNOWN = Set.copyOf(FIELDS);

        private LogitBias(Struct struct) {
            super(struct);
        }

        public static Builder builder() {
            return new Builder(Struct.builder());
        }

        public Map<String, JsonValue> _additionalProperties() {
            return additionalProperties(KNOWN);
        }

        /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
        public LogitBias validate() {
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

            /** Throws IllegalStateException naming the first required field not set. */
            public LogitBias build() {
                return new LogitBias(fields.build(FIELDS));
            }
        }
    }

    /** Up to 16 string key-value pairs stored with the completion. */
    public static final class Metadata extends JsonModel {
        private static final List<String> FIELDS = List.of();
        private static final Set<String> KNOWN = Set.copyOf(FIELDS);

        private Metadata(Struct struct) {
            super(struct);
        }

        public static Builder builder() {
            return new Builder(Struct.builder());
        }

        public Map<String, JsonValue> _additionalProperties() {
            return additionalProperties(KNOWN);
        }

        /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
        public Metadata validate() {
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

            /** Throws IllegalStateException naming the first required field not set. */
            public Metadata build() {
                return new Metadata(fields.build(FIELDS));
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

    public static final class Verbosity extends StringEnum {
        public static final Verbosity LOW = of("low");
        public static final Verbosity MEDIUM = of("medium");
        public static final Verbosity HIGH = of("high");

        private Verbosity(JsonValue json) {
            super(json);
        }

        public static Verbosity of(String value) {
            return new Verbosity(JsonValue.from(value));
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
        public Verbosity validate() {
            known();
            return this;
        }

        public boolean isValid() {
            return Validation.isValid(this::validate);
        }

        public enum Known {
            LOW,
            MEDIUM,
            HIGH
        }

        public enum Value {
            LOW,
            MEDIUM,
            HIGH,
            _UNKNOWN
        }
    }
}
